// Phone routing: the city's entry points (what callers hear, where calls go in and out of hours),
// saved as one document, and "test a call": the routing decision for a number and a moment.
import { api } from '/assets/shared/auth.js';
import { field, formLines, h, list, itemTools, namedGroup, optional, renumber, save } from './ui.js';

const KINDS = [['main', 'Main line'], ['outside', 'From outside city limits'], ['tty', 'TTY'], ['after_hours', 'After hours']];
const ACTIONS = [['queue', 'Wait in a queue for an agent'], ['forward', 'Forward to a number'], ['voicemail', 'Voicemail'], ['trouble_line', 'Trouble line (urgent categories only)']];
const LOCALE = '[a-z]{2,3}([\\-_][A-Za-z0-9]{2,8})*';

let ctx;
let ui;
let categories = [];
let saved = { entry_points: [] };

/** The routing as its PUT sends it: the whole document. */
function routingPayload(form) {
  renumber(form);
  return { entry_points: [...form.querySelectorAll('[data-list="entry_points"]')].map(entryPayload) };
}

function entryPayload(item) {
  const get = (key) => item.querySelector('[data-key="' + key + '"]');
  const greetings = {};
  for (const row of item.querySelectorAll('.greeting')) {
    const locale = row.querySelector('.greeting-locale').value.trim();
    const text = row.querySelector('.greeting-text').value.trim();
    if (locale && text) {
      greetings[locale] = text;
    }
  }
  const action = (key) => {
    const kind = get(key + '.action').value;
    return {
      action: kind,
      queue: kind === 'queue' ? get(key + '.queue').value.trim() : null,
      forward_to: kind === 'forward' || kind === 'trouble_line' ? get(key + '.forward_to').value.trim() : null,
    };
  };
  return {
    number: get('number').value.trim(),
    short_code: optional(get('short_code').value),
    kind: get('kind').value,
    label: optional(get('label').value),
    emergency_prompt: get('emergency_prompt').checked,
    greetings,
    languages: list(get('languages').value),
    in_hours: action('in_hours'),
    out_of_hours: action('out_of_hours'),
    urgent: [...item.querySelectorAll('.urgent')].map((row) => ({
      category: row.querySelector('.urgent-category').value,
      label: row.querySelector('.urgent-label').value.trim(),
    })),
    hours: lineHours(get('hours').value),
  };
}

const RANGE = /^\s*([A-Za-z]+)\s+(\d{1,2}:\d{2})\s*(?:-|–|to)\s*(\d{1,2}:\d{2})\s*$/;

/**
 * A line's own weekly hours, one range a line ("MONDAY 09:00-12:00"), or null for the city's. A line
 * that does not read as a range goes as it is, and the server names what is wrong with it.
 */
function lineHours(text) {
  const lines = String(text || '').split('\n').map((l) => l.trim()).filter((l) => l);
  if (lines.length === 0) {
    return null;
  }
  return lines.map((line) => {
    const m = RANGE.exec(line);
    return m ? { day: m[1].toUpperCase(), opens: m[2].padStart(5, '0'), closes: m[3].padStart(5, '0') } : { day: line };
  });
}

function greetingRow(locale = '', text = '') {
  const row = h('div', { class: 'row greeting' },
    field({ label: 'Language', key: 'greetings', value: locale, class: 'greeting-locale', required: true, maxlength: 16, list: 'phone-locales', placeholder: 'en', autocomplete: 'off' }),
    field({ label: 'Greeting', key: 'greetings', type: 'textarea', rows: '2', value: text, class: 'greeting-text', required: true, maxlength: 1000 }));
  const remove = h('button', { type: 'button', class: 'danger small', text: 'Remove greeting' });
  remove.addEventListener('click', () => {
    const add = row.parentElement.parentElement.querySelector('.add-greeting');
    row.remove();
    add.focus();
  });
  row.append(h('div', { class: 'actions' }, remove));
  return row;
}

function urgentRow(u = {}) {
  const options = categories.map((c) => [c.code, c.name + ' (' + c.code + ')']);
  if (u.category && !categories.some((c) => c.code === u.category)) {
    options.unshift([u.category, u.category]);
  }
  const row = h('div', { class: 'row urgent' },
    field({ label: 'Category', type: 'select', options, value: u.category, class: 'urgent-category' }),
    field({ label: 'Said in the menu as', key: 'urgent', value: u.label, class: 'urgent-label', required: true, maxlength: 200, placeholder: 'a water main break', hint: '“For … press 1.”' }));
  const remove = h('button', { type: 'button', class: 'danger small', text: 'Remove' });
  remove.addEventListener('click', () => {
    const add = row.parentElement.parentElement.querySelector('.add-urgent');
    row.remove();
    add.focus();
  });
  row.append(h('div', { class: 'actions' }, remove));
  return row;
}

function actionGroup(key, title, a = {}) {
  const kind = field({ label: 'What happens', key: key + '.action', type: 'select', options: ACTIONS, value: a.action || 'queue' });
  const queue = field({ label: 'Queue', key: key + '.queue', value: a.queue, required: true, maxlength: 64, pattern: '[a-z0-9\\-]+', format: '1 to 64 lowercase letters, digits and -', autocomplete: 'off' });
  const forward = field({ label: 'Number to forward to', key: key + '.forward_to', type: 'tel', value: a.forward_to, required: true, autocomplete: 'off', hint: 'Nationally (403-555-0199) or in E.164 (+14035550199)' });
  const group = namedGroup(h('fieldset', {}, h('legend', {}, title), h('div', { class: 'row' }, kind, queue, forward)), { key, label: title });
  const sync = () => {
    queue.hidden = kind.control.value !== 'queue';
    forward.hidden = !['forward', 'trouble_line'].includes(kind.control.value);
    group.dispatchEvent(new CustomEvent('actionchange', { bubbles: true }));
  };
  kind.control.addEventListener('change', sync);
  group.sync = sync;
  return group;
}

function entryItem(e = {}) {
  const greetings = h('div', { class: 'rows' }, Object.entries(e.greetings || {}).map(([l, t]) => greetingRow(l, t)));
  const addGreeting = h('button', { type: 'button', class: 'secondary small add-greeting', text: 'Add a greeting' });
  addGreeting.addEventListener('click', () => {
    const row = greetingRow();
    greetings.append(row);
    row.querySelector('input').focus();
  });
  const urgent = h('div', { class: 'rows' }, (e.urgent || []).map((u) => urgentRow(u)));
  const addUrgent = h('button', { type: 'button', class: 'secondary small add-urgent', text: 'Add an urgent category' });
  addUrgent.addEventListener('click', () => {
    if (urgent.children.length >= 9) {
      return;
    }
    const row = urgentRow();
    urgent.append(row);
    row.querySelector('select').focus();
  });
  const urgentGroup = namedGroup(
    h('fieldset', {}, h('legend', {}, 'Urgent categories (trouble line)'),
      h('p', { class: 'hint' }, 'In menu order, one key each, at most 9. Callers who press another key are asked to call back in business hours.'),
      urgent, h('div', { class: 'actions' }, addUrgent)),
    { key: 'urgent', label: 'Urgent categories' });
  const inHours = actionGroup('in_hours', 'In hours', e.in_hours);
  const outOfHours = actionGroup('out_of_hours', 'Out of hours', e.out_of_hours);
  const item = h('fieldset', { class: 'item' , dataset: { list: 'entry_points' } },
    h('legend', { dataset: { title: 'Entry point' } }, 'Entry point'),
    h('div', { class: 'row' },
      field({ label: 'Number', key: 'number', type: 'tel', value: e.number, required: true, autocomplete: 'off', hint: 'As assigned by the operator' }),
      field({ label: 'Short code', key: 'short_code', value: e.short_code, pattern: '[0-9]{3,6}', format: '3 to 6 digits, like 311', inputmode: 'numeric', autocomplete: 'off' }),
      field({ label: 'Kind', key: 'kind', type: 'select', options: KINDS, value: e.kind || 'main' })),
    field({ label: 'Label', key: 'label', value: e.label, maxlength: 200, hint: 'For people, e.g. “311 (inside city limits)”' }),
    field({ label: 'Play the 911 prompt first', key: 'emergency_prompt', type: 'checkbox', value: e.emergency_prompt }),
    namedGroup(
      h('fieldset', {}, h('legend', {}, 'Greetings'),
        h('p', { class: 'hint' }, 'What callers hear, one per language (en, fr, es…).'),
        greetings, h('div', { class: 'actions' }, addGreeting)),
      { key: 'greetings', label: 'Greetings' }),
    field({ label: 'Language menu', key: 'languages', value: (e.languages || []).join(', '), pattern: LOCALE + '(\\s*,\\s*' + LOCALE + ')*', format: 'languages separated by commas, like en, fr', hint: 'In menu order (key 1, key 2…), separated by commas; each needs a greeting. Fewer than two: no menu.', autocomplete: 'off' }),
    field({ label: 'This line\'s own hours', key: 'hours', type: 'textarea', rows: '3', value: (e.hours || []).map((r) => r.day + ' ' + r.opens + '-' + r.closes).join('\n'), autocomplete: 'off', hint: 'Blank: the city\'s hours. Otherwise one range a line, e.g. “MONDAY 09:00-12:00”, for a line staffed fewer hours (a TTY line). The city\'s holidays and closures still apply.' }),
    inHours,
    outOfHours,
    urgentGroup);
  const showUrgent = () => {
    const trouble = [inHours, outOfHours].some((g) => g.querySelector('select').value === 'trouble_line');
    urgentGroup.hidden = !trouble && urgent.children.length === 0;
  };
  item.addEventListener('actionchange', showUrgent);
  inHours.sync();
  outOfHours.sync();
  item.append(itemTools(item, 'Remove entry point', () => ui.addEntry));
  return namedGroup(item, { label: 'Entry point' });
}

function routingForm(doc) {
  const form = h('form', { id: 'phone-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const entries = h('div', { class: 'entries' }, (doc.entry_points || []).map(entryItem));
  const addEntry = h('button', { type: 'button', class: 'secondary', text: 'Add an entry point' });
  addEntry.addEventListener('click', () => {
    const item = entryItem();
    entries.append(item);
    renumber(form);
    item.querySelector('input').focus();
  });
  ui.addEntry = addEntry;
  form.append(
    formError,
    h('datalist', { id: 'phone-locales' }, ['en', 'fr', 'es'].map((l) => h('option', { value: l }))),
    namedGroup(h('div', {}, entries), { field: 'entry_points', label: 'Entry points' }),
    h('div', { class: 'actions' }, addEntry, h('button', { type: 'submit', text: 'Save phone routing' })),
    formStatus);
  renumber(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await save(form, () =>
      api(ctx.base + '/admin/phone-routing', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(routingPayload(form)),
      }),
    );
    if (answer) {
      saved = answer;
      fillNumbers();
    }
  });
  return form;
}

// --- test a call ---

const STEPS = {
  emergency_prompt: (s) => 'The 911 prompt (' + s.locale + ')',
  say: (s) => 'The greeting (' + s.locale + '): “' + s.text + '”',
  language_menu: (s) => 'The language menu: ' + (s.locales || []).map((l, i) => 'press ' + (i + 1) + ' for ' + l).join(', '),
  closed_message: (s) => 'The closure message: “' + s.text + '”',
  urgent_menu: (s) => 'The trouble line\'s menu: ' + (s.categories || []).map((c, i) => 'press ' + (i + 1) + ' for ' + c).join(', '),
  queue: (s) => 'Waits in the queue “' + s.queue + '” for an agent',
  forward: (s) => 'Forwarded to ' + s.number,
  voicemail: () => 'Voicemail: a message after the tone',
};

function fillNumbers() {
  const select = ui.decision.elements.number;
  const before = select.value;
  select.replaceChildren(...(saved.entry_points || []).map((e) => h('option', { value: e.number }, e.number + (e.label ? ' · ' + e.label : ''))));
  if ([...select.options].some((o) => o.value === before)) {
    select.value = before;
  }
  fillLanguages();
}

function fillLanguages() {
  const select = ui.decision.elements.lang;
  const entry = (saved.entry_points || []).find((e) => e.number === ui.decision.elements.number.value);
  const locales = Object.keys(entry?.greetings || {});
  select.replaceChildren(h('option', { value: '' }, 'From the start of the call'), ...locales.map((l) => h('option', { value: l }, 'After choosing ' + l + ' in the menu')));
}

function decisionForm() {
  const form = h('form', { id: 'decision-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const result = h('div', { class: 'report', id: 'decision-result', hidden: true, tabindex: '-1' });
  const number = field({ label: 'Number called', field: 'number', name: 'number', type: 'select', options: [] });
  number.control.addEventListener('change', fillLanguages);
  form.append(
    formError,
    h('div', { class: 'row' },
      number,
      field({ label: 'At (city time)', field: 'at', name: 'at', type: 'datetime-local', hint: 'Blank: now' }),
      field({ label: 'Language', field: 'lang', name: 'lang', type: 'select', options: [] })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Test the call' })),
    formStatus,
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.hidden = true;
    const params = new URLSearchParams({ number: form.elements.number.value });
    if (form.elements.at.value) {
      params.set('at', form.elements.at.value); // city time: the server reads it in the city's zone
    }
    if (form.elements.lang.value) {
      params.set('lang', form.elements.lang.value);
    }
    const decision = await save(form, () => api(ctx.base + '/admin/phone-routing/decision?' + params));
    if (decision) {
      formStatus.textContent = 'Tested';
      result.replaceChildren(
        h('h4', {}, (decision.label || decision.number) + ': the city is ' + (decision.open ? 'open' : 'closed')),
        h('ol', { id: 'decision-steps' }, decision.steps.map((s) => h('li', {}, (STEPS[s.step] || ((x) => x.step))(s)))));
      result.hidden = false;
    }
  });
  return form;
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const holder = h('div', { id: 'phone-editor' });
    ui = { holder };
    ui.decision = decisionForm();
    section.append(
      holder,
      h('h3', { id: 'decision-title' }, 'Test a call'),
      h('p', { class: 'hint' }, 'What a call to one of the saved numbers gets at a given moment, with the city\'s hours; no call is made.'),
      ui.decision);
  }
  let all;
  [saved, all] = await Promise.all([api(ctx.base + '/admin/phone-routing'), api(ctx.base + '/admin/service-categories')]);
  categories = all.filter((c) => c.active);
  ui.holder.replaceChildren(routingForm(saved));
  fillNumbers();
}
