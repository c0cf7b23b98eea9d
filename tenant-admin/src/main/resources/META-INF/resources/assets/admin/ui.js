// The administration pages' small kit: build elements, label every field, check a form before it
// is sent, and show the server's problem next to the field it names. Every field that the server
// may name carries data-field, spelled as the server spells it ("name", "attributes[1].values",
// "weekly[2].closes"), so one function maps any refusal onto the form.

let counter = 0;

/** A fresh element id. */
export function uid(prefix) {
  counter += 1;
  return prefix + '-' + counter;
}

const PROPERTIES = new Set(['value', 'checked', 'readOnly', 'hidden', 'disabled', 'required', 'selected', 'multiple']);

/** document.createElement with properties, listeners (onclick) and children (text or elements). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (PROPERTIES.has(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

/**
 * A labelled field: label, control, hint and error line, tied together with for/id and
 * aria-describedby. Options: label, key (named inside a list entry) or field (named in the form),
 * type (text, number, email, tel, search, textarea, select, checkbox, datetime-local), value,
 * options ([[value, text]] for a select), hint, format (what a pattern means), and any attribute
 * of the control (required, pattern, maxlength, min, max, step, placeholder, autocomplete...).
 * Returns the wrapper; wrapper.control is the control.
 */
export function field(opts) {
  const { label, key, field: name, type = 'text', value, options, hint, format, wide, ...attrs } = opts;
  const id = uid('f');
  let control;
  if (type === 'textarea') {
    control = h('textarea', { id, ...attrs });
    control.value = value ?? '';
  } else if (type === 'select') {
    control = h('select', { id, ...attrs }, (options || []).map(([v, t]) => h('option', { value: v }, t)));
    if (value != null) {
      control.value = value;
    }
  } else if (type === 'checkbox') {
    control = h('input', { id, type, ...attrs });
    control.checked = Boolean(value);
  } else {
    control = h('input', { id, type, ...attrs });
    control.value = value ?? '';
  }
  if (key) {
    control.dataset.key = key;
  }
  if (name) {
    control.dataset.field = name;
  }
  if (format) {
    control.dataset.format = format;
  }
  control.dataset.label = label;
  const error = h('p', { class: 'error', id: id + '-error' });
  control.dataset.error = error.id;
  const described = [error.id];
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: id + '-hint' }, hint);
    described.unshift(hintEl.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  const labelEl = h('label', { for: id }, label);
  const wrapper =
    type === 'checkbox'
      ? h('div', { class: 'field check' }, control, labelEl, hintEl, error)
      : h('div', { class: 'field' + (wide ? ' wide' : '') }, labelEl, control, hintEl, error);
  wrapper.control = control;
  return wrapper;
}

/**
 * Makes a group (a fieldset, a list) a place the server may name: its problems show in its own
 * error line, and focus goes to its first control.
 */
export function namedGroup(el, { key, field: name, label }) {
  if (key) {
    el.dataset.key = key;
  }
  if (name) {
    el.dataset.field = name;
  }
  el.dataset.label = label;
  const error = h('p', { class: 'error', id: uid('g') + '-error', tabindex: '-1' });
  el.dataset.error = error.id;
  el.append(error);
  return el;
}

/**
 * An entry of a list that the server names by position (weekly[2]): `tag` with class item,
 * data-list, its children, and its own error line last.
 */
export function listItem(tag, listName, label, ...children) {
  const item = h(tag, { class: 'item', dataset: { list: listName } }, ...children);
  return namedGroup(item, { label });
}

/** A form's own error line (for problems that name no field of the form) and its status line. */
export function formLines(form) {
  const error = h('p', { class: 'error form-error', tabindex: '-1', dataset: { formError: '' } });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  form.formError = error;
  form.formStatus = status;
  return [error, status];
}

/**
 * Names each list entry's fields by position, as the server names them: an entry marked
 * data-list="attributes" is attributes[i], its controls marked data-key="code" are
 * attributes[i].code. Entries nest (entry_points[0].in_hours.queue). Titles marked
 * data-title="Question" become "Question 1", "Question 2"...
 */
export function renumber(root) {
  for (const item of root.querySelectorAll('[data-list]')) {
    const parent = item.parentElement.closest('[data-list]');
    const siblings = [...item.parentElement.children].filter((c) => c.dataset.list === item.dataset.list);
    const index = siblings.indexOf(item);
    const path = (parent ? parent.dataset.field + '.' : '') + item.dataset.list + '[' + index + ']';
    item.dataset.field = path;
    for (const el of item.querySelectorAll('[data-key]')) {
      if (el.closest('[data-list]') === item) {
        el.dataset.field = path + '.' + el.dataset.key;
      }
    }
    for (const title of item.querySelectorAll('[data-title]')) {
      if (title.closest('[data-list]') === item) {
        title.textContent = title.dataset.title + ' ' + (index + 1);
      }
    }
  }
}

/** Moves a list entry up (-1) or down (+1) among its siblings, keeping focus on the control used. */
export function move(item, direction, focused) {
  const siblings = [...item.parentElement.children].filter((c) => c.dataset.list === item.dataset.list);
  const index = siblings.indexOf(item);
  const target = siblings[index + direction];
  if (!target) {
    return false;
  }
  if (direction < 0) {
    target.before(item);
  } else {
    target.after(item);
  }
  if (focused) {
    focused.focus();
  }
  return true;
}

/**
 * An entry's "Move up", "Move down" and "Remove …" buttons: moving keeps the focus on the button
 * pressed, and every change renames the form's fields as the server will name them; after a
 * removal, focus goes to `afterRemove()` (typically the list's "Add" button).
 */
export function itemTools(item, removeText, afterRemove) {
  const up = h('button', { type: 'button', class: 'secondary small', text: 'Move up' });
  const down = h('button', { type: 'button', class: 'secondary small', text: 'Move down' });
  const remove = h('button', { type: 'button', class: 'danger small', text: removeText });
  up.addEventListener('click', () => {
    move(item, -1, up);
    renumber(item.closest('form'));
  });
  down.addEventListener('click', () => {
    move(item, +1, down);
    renumber(item.closest('form'));
  });
  remove.addEventListener('click', () => {
    const form = item.closest('form');
    const next = afterRemove(form);
    item.remove();
    renumber(form);
    next.focus();
  });
  return h('div', { class: 'item-tools' }, up, down, remove);
}

/** Clears every error shown in a form, and its status. */
export function clearProblems(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  for (const el of form.querySelectorAll('.invalid')) {
    el.classList.remove('invalid');
  }
  for (const el of form.querySelectorAll('.error')) {
    el.textContent = '';
  }
  if (form.formStatus) {
    form.formStatus.textContent = '';
    form.formStatus.className = 'form-status';
  }
}

/** The element showing a field's problems: the field itself, else its nearest named parent. */
export function target(form, path) {
  let p = path;
  while (p) {
    const el = form.querySelector('[data-field="' + CSS.escape(p) + '"]');
    if (el) {
      return el;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return null;
}

const FIELD = /^([a-z_][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z_][a-z0-9_]*(?:\[\d+\])?)*):?\s+(.+)$/is;

/**
 * The problems of a refused call, as [{field, message, detail}]: the problem's errors when it has
 * them, else its detail, whose first word is the field when it names one ("name: is required").
 */
export function problemsOf(error) {
  const problem = error.problem;
  const detail = (problem && problem.detail) || error.message;
  if (problem && Array.isArray(problem.errors) && problem.errors.length > 0) {
    return problem.errors.map((e) => ({ field: e.field, message: e.message, detail }));
  }
  const m = FIELD.exec(detail || '');
  return [{ field: m ? m[1] : '', message: m ? m[2] : detail, detail }];
}

function focusable(el) {
  if (el.matches('input, select, textarea, button')) {
    return el;
  }
  return el.querySelector('input:not([type=hidden]), select, textarea') || document.getElementById(el.dataset.error);
}

/**
 * Shows each problem next to the field it names (else on the form's own error line), marks the
 * fields invalid, says so in the form's status and moves focus to the first. What was typed stays.
 */
export function showProblems(form, problems) {
  let first = null;
  for (const problem of problems) {
    const el = problem.field ? target(form, problem.field) : null;
    let line;
    let text;
    if (el) {
      line = document.getElementById(el.dataset.error) || form.formError;
      text = (el.dataset.label ? el.dataset.label + ': ' : '') + problem.message;
      if (el.matches('input, select, textarea')) {
        el.setAttribute('aria-invalid', 'true');
      } else {
        el.classList.add('invalid');
      }
    } else {
      line = form.formError;
      text = problem.detail && problems.length === 1 ? problem.detail : [problem.field, problem.message].filter(Boolean).join(': ');
    }
    if (line) {
      line.textContent = line.textContent ? line.textContent + ' ' + text : text;
    }
    if (!first) {
      first = el ? focusable(el) : line;
    }
  }
  if (form.formStatus) {
    form.formStatus.textContent =
      'Not saved: ' + (problems.length === 1 ? 'one thing needs' : problems.length + ' things need') + ' your attention.';
    form.formStatus.className = 'form-status bad';
  }
  if (first) {
    first.focus();
  }
}

function messageFor(el) {
  const v = el.validity;
  if (v.valueMissing) {
    return 'is required';
  }
  if (v.patternMismatch || v.typeMismatch) {
    return el.dataset.format || 'is not in the right form';
  }
  if (v.tooLong) {
    return 'at most ' + el.maxLength + ' characters';
  }
  if (v.rangeUnderflow) {
    return 'must be at least ' + el.min;
  }
  if (v.rangeOverflow) {
    return 'must be at most ' + el.max;
  }
  if (v.badInput || v.stepMismatch) {
    return el.dataset.format || 'is not a valid number';
  }
  return el.validationMessage;
}

/** The problems the browser finds in a form's named fields (required, pattern, range...). */
export function browserProblems(form) {
  const problems = [];
  for (const el of form.querySelectorAll('input[data-field], select[data-field], textarea[data-field]')) {
    if (!el.disabled && !el.closest('[hidden]') && !el.checkValidity()) {
      problems.push({ field: el.dataset.field, message: messageFor(el) });
    }
  }
  return problems;
}

/**
 * Saves a form: checks it in the page (the browser's constraints and `extra` problems), then runs
 * `send`; a refusal is shown next to its fields and what was typed stays. Returns send's answer,
 * or null when nothing was saved.
 */
export async function save(form, send, extra = () => []) {
  clearProblems(form);
  const local = [...browserProblems(form), ...extra()];
  if (local.length > 0) {
    showProblems(form, local);
    return null;
  }
  const buttons = [...form.querySelectorAll('button[type=submit]')];
  buttons.forEach((b) => {
    b.disabled = true;
  });
  form.formStatus.textContent = 'Saving…';
  try {
    const answer = await send();
    form.formStatus.textContent = 'Saved';
    form.formStatus.className = 'form-status ok';
    return answer ?? true;
  } catch (e) {
    if (e.shown) {
      // the sender has shown the problem itself (the rows of a refused file): only say so
      form.formStatus.textContent = e.message;
      form.formStatus.className = 'form-status bad';
      return null;
    }
    if (e.status === 401 || e.status === 403) {
      form.formStatus.textContent = 'Not saved: ' + (e.problem?.detail || e.message);
      form.formStatus.className = 'form-status bad';
      form.formError.textContent = e.problem?.detail || e.message;
      form.formError.focus();
      return null;
    }
    showProblems(form, problemsOf(e));
    return null;
  } finally {
    buttons.forEach((b) => {
      b.disabled = false;
    });
  }
}

/** A comma-separated field as a list of trimmed, non-empty entries. */
export function list(text) {
  return String(text || '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The text of an optional field: null when blank, so the server clears it. */
export function optional(text) {
  const t = String(text ?? '').trim();
  return t.length === 0 ? null : t;
}

/** A table cell with the label its column has, so the table reads as cards on phones. */
export function cell(label, ...content) {
  return h('td', { 'data-label': label }, h('div', {}, ...content));
}

/** A date and time in the city's time zone, for people. */
export function when(iso, timeZone) {
  if (!iso) {
    return '';
  }
  // the 24-hour clock, as the hours are typed
  return new Date(iso).toLocaleString('en-CA', {
    weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  });
}
