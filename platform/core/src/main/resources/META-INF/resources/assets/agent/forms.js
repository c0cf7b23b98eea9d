// Forms of the agent console: checking in the page, showing a refusal next to its field, keeping
// what was typed. Every field the server may name carries data-field, spelled as the server spells
// it; its message goes to the element named <input id>-error (tied with aria-describedby).

/** The element that shows the message of field `name` in `form`, if any. */
function errorSlot(form, input) {
  if (!input) {
    return null;
  }
  let slot = input.id ? document.getElementById(input.id + '-error') : null;
  if (!slot) {
    slot = form.querySelector('[data-field-error="' + input.dataset.field + '"]');
  }
  return slot;
}

function statusOf(form) {
  return document.getElementById(form.id + '-status');
}

/** Says `text` in the form's live status line; kind is 'ok', 'bad' or ''. */
export function say(form, text, kind = '') {
  const line = statusOf(form);
  if (line) {
    line.textContent = text;
    line.className = 'form-status' + (kind ? ' ' + kind : '');
  }
}

/** Removes every field message and mark of `form`. */
export function clear(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
  });
  form.querySelectorAll('.error').forEach((el) => {
    el.textContent = '';
  });
}

/** Marks `input` wrong with `message`, next to it; returns the input. */
export function mark(form, input, message) {
  input.setAttribute('aria-invalid', 'true');
  const slot = errorSlot(form, input);
  if (slot) {
    slot.textContent = message;
    if (slot.id && input.id !== slot.id) {
      const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add(slot.id);
      input.setAttribute('aria-describedby', [...ids].join(' '));
    }
  }
  return input;
}

/** The field of `form` the server named, by data-field (or, for `attribute[x]`, its question). */
function fieldNamed(form, name) {
  if (!name) {
    return null;
  }
  const escaped = name.replace(/"/g, '\\"');
  return (
    form.querySelector('[data-field="' + escaped + '"]') ||
    form.querySelector('[data-field-error="' + escaped + '"]')
  );
}

/**
 * Shows a refusal from the API: next to the field its errors[0] names (or the first word of its
 * detail), focus there, "Not saved" in the form's status; what was typed stays.
 */
export function refuse(form, error, what = 'Not saved') {
  clear(form);
  const problem = error.problem || {};
  const first = (problem.errors && problem.errors[0]) || null;
  let name = first ? first.field : null;
  let message = first ? first.message : null;
  if (!name && problem.detail) {
    name = problem.detail.split(' ')[0];
  }
  const target = fieldNamed(form, name);
  if (target && target.matches('input, select, textarea')) {
    mark(form, target, message || problem.detail || error.message);
    target.focus();
    say(form, what + ': ' + (problem.detail || error.message), 'bad');
  } else if (target) {
    target.textContent = message || problem.detail || error.message;
    say(form, what + ': ' + (problem.detail || error.message), 'bad');
  } else {
    say(form, what + ': ' + (problem.detail || error.message), 'bad');
  }
}

/**
 * Checks `form` with `rules` (each [input, test → message or null]); marks every wrong field and
 * focuses the first. True when all is well.
 */
export function check(form, rules) {
  clear(form);
  let first = null;
  for (const [input, test] of rules) {
    const message = test(input.type === 'checkbox' ? input.checked : input.value.trim());
    if (message) {
      mark(form, input, message);
      first = first || input;
    }
  }
  if (first) {
    first.focus();
    say(form, 'Check the marked fields.', 'bad');
    return false;
  }
  return true;
}

/** Runs `work` with the form's buttons disabled. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => {
    b.disabled = true;
  });
  try {
    return await work();
  } finally {
    buttons.forEach((b) => {
      b.disabled = false;
    });
  }
}

// Rules: each returns a message, or null when the value is fine.
export const required = (what) => (v) => (v === '' ? what + ' is required.' : null);
export const atMost = (n) => (v) => (v.length > n ? 'At most ' + n + ' characters.' : null);
export const all =
  (...tests) =>
  (v) => {
    for (const t of tests) {
      const m = t(v);
      if (m) {
        return m;
      }
    }
    return null;
  };
export const email = (v) =>
  v === '' || /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(v) ? null : 'Not an e-mail address.';
export const phone = (v) =>
  v === '' || /^\+?[0-9 ().-]{7,30}$/.test(v) ? null : 'Not a phone number (403-555-0142).';
export const minutes = (v) =>
  v === '' || (/^[0-9]+$/.test(v) && Number(v) <= 600) ? null : 'A whole number from 0 to 600.';
export const number = (v) =>
  v === '' || /^[0-9a-fA-F-]{8,36}$/.test(v)
    ? null
    : 'The whole number, or at least its first 8 characters (0-9, a-f).';

// A field's message goes once the field is edited again.
document.addEventListener('input', (event) => {
  const input = event.target;
  if (input instanceof Element && input.getAttribute('aria-invalid') === 'true') {
    input.removeAttribute('aria-invalid');
    const form = input.closest('form');
    const slot = form ? errorSlot(form, input) : null;
    if (slot) {
      slot.textContent = '';
    }
  }
});
