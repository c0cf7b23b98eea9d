// Hours: weekly ranges, holidays and dated overrides, saved as one document, read in the city's
// time zone; and whether the city is open now, as residents and the phone line see it.
import { api } from '/assets/shared/auth.js';
import { field, formLines, h, listItem, namedGroup, optional, renumber, save, when } from './ui.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]|24:00';
const TIME_FORMAT = 'a time like 08:30 (24-hour clock; 24:00 is the end of the day)';

let ctx;
let ui;

// --- the document ---

/**
 * The hours as their PUT sends them: the whole document. Override times go as typed, in the time
 * zone the form names: the server reads them with its own rules (ADR 0021).
 */
function hoursPayload(form) {
  renumber(form);
  const rows = (name) => [...form.querySelectorAll('[data-list="' + name + '"]')];
  const get = (row, key) => row.querySelector('[data-key="' + key + '"]');
  return {
    time_zone: form.elements.time_zone.value.trim(),
    weekly: rows('weekly').map((r) => ({ day: get(r, 'day').value, opens: get(r, 'opens').value.trim(), closes: get(r, 'closes').value.trim() })),
    holidays: rows('holidays').map((r) => ({
      name: get(r, 'name').value.trim(),
      rule: get(r, 'rule').value.trim(),
      opens: optional(get(r, 'opens').value),
      closes: optional(get(r, 'closes').value),
    })),
    overrides: rows('overrides').map((r) => ({
      // the city's local time as typed: the server reads it with its own time-zone rules
      from: get(r, 'from').value,
      until: get(r, 'until').value,
      open: get(r, 'open').value === 'true',
      message: optional(get(r, 'message').value),
    })),
  };
}

const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** What the page checks itself: a range ends after it starts; a partial holiday has both times. */
function documentProblems(form) {
  renumber(form);
  const problems = [];
  const get = (row, key) => row.querySelector('[data-key="' + key + '"]');
  for (const row of form.querySelectorAll('[data-list="weekly"], [data-list="holidays"]')) {
    const opens = get(row, 'opens').value.trim();
    const closes = get(row, 'closes').value.trim();
    const holiday = row.dataset.list === 'holidays';
    if (holiday && (opens === '') !== (closes === '')) {
      problems.push({ field: row.dataset.field + (opens === '' ? '.opens' : '.closes'), message: 'give both times for a partial day, or neither for a day closed' });
    } else if (opens && closes && get(row, 'opens').checkValidity() && get(row, 'closes').checkValidity() && minutes(closes) <= minutes(opens)) {
      problems.push({ field: row.dataset.field + '.closes', message: closes + ' is not after ' + opens + ' (a range must end after it starts)' });
    }
  }
  for (const row of form.querySelectorAll('[data-list="overrides"]')) {
    const from = get(row, 'from').value;
    const until = get(row, 'until').value;
    if (from && until && until <= from) {
      problems.push({ field: row.dataset.field + '.until', message: 'must be after “From”' });
    }
  }
  return problems;
}

function removeButton(row, text, next) {
  const button = h('button', { type: 'button', class: 'danger small', text });
  button.addEventListener('click', () => {
    const form = row.closest('form');
    row.remove();
    renumber(form);
    next().focus();
  });
  return h('div', { class: 'actions' }, button);
}

function weeklyRow(r = {}) {
  const row = listItem('div', 'weekly', 'Range',
    h('div', { class: 'row weekly' },
      field({ label: 'Day', key: 'day', type: 'select', options: DAYS.map((d) => [d, d.charAt(0) + d.slice(1).toLowerCase()]), value: r.day || 'MONDAY' }),
      field({ label: 'Opens', key: 'opens', value: r.opens, required: true, pattern: TIME, format: TIME_FORMAT, placeholder: '08:00', inputmode: 'numeric', autocomplete: 'off' }),
      field({ label: 'Closes', key: 'closes', value: r.closes, required: true, pattern: TIME, format: TIME_FORMAT, placeholder: '16:30', inputmode: 'numeric', autocomplete: 'off' })));
  row.querySelector('.row').append(removeButton(row, 'Remove range', () => ui.addWeekly));
  return row;
}

function holidayRow(d = {}) {
  const row = listItem('div', 'holidays', 'Holiday',
    h('div', { class: 'row holiday' },
      field({ label: 'Name', key: 'name', value: d.name, required: true, maxlength: 100 }),
      field({ label: 'When', key: 'rule', value: d.rule, required: true, maxlength: 60, placeholder: 'fixed 07-01', autocomplete: 'off' }),
      field({ label: 'Opens (partial day)', key: 'opens', value: d.opens, pattern: TIME, format: TIME_FORMAT, inputmode: 'numeric', autocomplete: 'off' }),
      field({ label: 'Closes (partial day)', key: 'closes', value: d.closes, pattern: TIME, format: TIME_FORMAT, inputmode: 'numeric', autocomplete: 'off' })));
  row.querySelector('.row').append(removeButton(row, 'Remove holiday', () => ui.addHoliday));
  return row;
}

/**
 * "2026-12-01T10:00" of "2026-12-01T10:00-07:00": the server writes overrides with the city's
 * offset at each, so the local time is the text before it (no offset worked out in the browser).
 */
function localPart(iso) {
  return iso ? iso.slice(0, 16) : '';
}

function overrideRow(o = {}) {
  const row = listItem('div', 'overrides', 'Override',
    h('div', { class: 'row' },
      field({ label: 'From', key: 'from', type: 'datetime-local', value: localPart(o.from), required: true }),
      field({ label: 'Until', key: 'until', type: 'datetime-local', value: localPart(o.until), required: true }),
      field({ label: 'The city is', key: 'open', type: 'select', options: [['false', 'Closed (e.g. an emergency)'], ['true', 'Open (e.g. storm hours)']], value: String(Boolean(o.open)) })),
    field({ label: 'Message while it applies', key: 'message', value: o.message, maxlength: 500, hint: 'Optional; callers and residents see it, e.g. “Closed: water main break. For emergencies call 911.”' }));
  row.append(removeButton(row, 'Remove override', () => ui.addOverride));
  return row;
}

function listGroup(title, hint, name, rows, addText, make) {
  const holder = h('div', { class: 'rows' }, rows);
  const add = h('button', { type: 'button', class: 'secondary', text: addText });
  add.addEventListener('click', () => {
    const row = make();
    holder.append(row);
    renumber(holder.closest('form'));
    row.querySelector('input, select').focus();
  });
  const group = namedGroup(h('fieldset', {}, h('legend', {}, title), hint ? h('p', { class: 'hint' }, hint) : null, holder, h('div', { class: 'actions' }, add)), { field: name, label: title });
  return { group, add };
}

function hoursForm(doc) {
  const form = h('form', { id: 'hours-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const weekly = listGroup('Weekly hours', 'A day may have several ranges (a lunch break is two). Ranges of the same day may not overlap.', 'weekly', (doc.weekly || []).map(weeklyRow), 'Add a range', () => weeklyRow());
  const holidays = listGroup(
    'Holidays',
    'Closed all day unless both times are given. When: “fixed MM-DD”, “nth N|last WEEKDAY MM”, “on-or-before MM-DD WEEKDAY”, “easter ±DAYS” or “date YYYY-MM-DD”, e.g. “nth 1 MONDAY 09” for Labour Day.',
    'holidays', (doc.holidays || []).map(holidayRow), 'Add a holiday', () => holidayRow());
  const overrides = listGroup('Overrides', 'Dated exceptions, in the city\'s time (' + ctx.profile.time_zone + '). They win over holidays and weekly hours.', 'overrides', (doc.overrides || []).map(overrideRow), 'Add an override', () => overrideRow());
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zone = field({
    label: 'Time zone',
    field: 'time_zone',
    name: 'time_zone',
    value: doc.time_zone || ctx.profile.time_zone,
    required: true,
    list: 'hours-zones',
    autocomplete: 'off',
    hint: 'The IANA name, e.g. America/Edmonton. The hours, holidays, overrides, due dates and phone lines are read in it.',
  });
  ui.addWeekly = weekly.add;
  ui.addHoliday = holidays.add;
  ui.addOverride = overrides.add;
  form.append(formError, zone, h('datalist', { id: 'hours-zones' }, zones.map((z) => h('option', { value: z }))), weekly.group, holidays.group, overrides.group,
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Save hours' })), formStatus);
  renumber(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const saved = await save(
      form,
      () => api(ctx.base + '/admin/hours', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(hoursPayload(form)),
      }),
      () => documentProblems(form),
    );
    if (saved) {
      if (saved.time_zone && saved.time_zone !== ctx.profile.time_zone) {
        ctx.profile.time_zone = saved.time_zone;
        ui.zone.textContent = saved.time_zone;
      }
      await showNow();
    }
  });
  return form;
}

async function showNow() {
  ui.now.className = 'now';
  try {
    const now = await api(ctx.base + '/hours/now');
    ui.now.classList.add(now.open ? 'open' : 'closed');
    const parts = [now.open ? 'Open now' : 'Closed now'];
    if (now.until) {
      parts.push((now.open ? 'until ' : 'opens ') + when(now.until, now.time_zone));
    }
    ui.now.textContent = parts.join(', ');
    ui.nowMore.textContent = [now.holiday ? 'Today is ' + now.holiday + '.' : '', now.message ? 'Message: ' + now.message : ''].filter(Boolean).join(' ');
  } catch (e) {
    ui.now.textContent = e.status === 404 ? 'This city has not published its hours yet.' : 'Whether the city is open could not be read: ' + e.message;
    ui.nowMore.textContent = '';
  }
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const now = h('p', { class: 'now', id: 'hours-now', 'aria-live': 'polite' });
    const nowMore = h('p', { id: 'hours-now-more' });
    const check = h('button', { type: 'button', class: 'secondary', text: 'Check again' });
    check.addEventListener('click', showNow);
    const holder = h('div', { id: 'hours-editor' });
    ui = { now, nowMore, holder };
    section.append(
      h('div', { class: 'report' },
        h('h3', {}, 'Now'),
        h('p', {}, 'Time zone: ', ui.zone = h('strong', {}, ctx.profile.time_zone), ' (change it with the hours below).'),
        now, nowMore, h('div', { class: 'actions' }, check)),
      h('h3', {}, 'The hours'),
      holder);
  }
  const doc = await api(ctx.base + '/admin/hours');
  ui.holder.replaceChildren(hoursForm(doc));
  await showNow();
}
