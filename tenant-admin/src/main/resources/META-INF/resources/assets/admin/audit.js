// The audit history, read only: the newest changes to the city's configuration, who made them and
// when, with the document before and after, folded away until asked for.
import { api } from '/assets/shared/auth.js';
import { cell, field, h, when } from './ui.js';

let ctx;
let ui;

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

const NOISE = new Set(['updatedAt', 'updated_at']);

function shown(value) {
  return value == null ? '—' : typeof value === 'string' ? '“' + value + '”' : String(value);
}

/** What changed, in one line: the top-level fields whose values differ (simple values in full). */
function summary(entry) {
  if (!entry.before) {
    return 'Created';
  }
  let before;
  let after;
  try {
    before = JSON.parse(entry.before);
    after = JSON.parse(entry.after);
  } catch (e) {
    return '';
  }
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') {
    return '';
  }
  const simple = (v) => v == null || typeof v !== 'object';
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !NOISE.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (simple(before[k]) && simple(after[k]) ? k + ': ' + shown(before[k]) + ' → ' + shown(after[k]) : k + ' changed'));
  return changed.length === 0 ? 'Saved unchanged' : changed.join('; ');
}

function changes(entry) {
  const parts = [];
  if (entry.before) {
    parts.push(h('h3', { class: 'small' }, 'Before'), h('pre', {}, pretty(entry.before)));
  }
  parts.push(h('h3', { class: 'small' }, entry.before ? 'After' : 'Created as'), h('pre', {}, pretty(entry.after)));
  return h('details', {}, h('summary', {}, 'Before and after'), parts);
}

async function load() {
  const subject = ui.subject.control.value.trim();
  const params = new URLSearchParams({ limit: '50' });
  if (subject) {
    params.set('subject', subject);
  }
  const entries = await api(ctx.base + '/admin/audit?' + params);
  ui.body.replaceChildren(
    ...entries.map((e) =>
      h('tr', {},
        cell('When', h('time', { datetime: e.at }, when(e.at, ctx.profile.time_zone))),
        cell('Who', e.actor),
        cell('Subject', h('code', {}, e.subject)),
        h('td', { 'data-label': 'Change', class: 'wide' }, h('p', { class: 'summary' }, summary(e)), changes(e)))),
  );
  ui.count.textContent = entries.length === 0
    ? 'No changes' + (subject ? ' of “' + subject + '”' : '') + '.'
    : 'The newest ' + entries.length + ' changes' + (subject ? ' of “' + subject + '”' : '') + ', newest first.';
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const subject = field({ label: 'Only the subject', type: 'search', autocomplete: 'off', placeholder: 'hours, category:pothole, phone-routing…' });
    const form = h('form', { class: 'toolbar', id: 'audit-filter' }, subject, h('button', { type: 'submit', class: 'secondary', text: 'Show' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    const body = h('tbody');
    const count = h('p', { class: 'count', role: 'status' });
    ui = { subject, body, count };
    section.append(
      form,
      h('p', { class: 'hint' }, 'A subject exactly as listed: hours, category:<code>, department:<code>, knowledge:<slug>, phone-routing, duplicate-rule, notification-settings, staff-mail, catalogue-import. Empty: every subject.'),
      count,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'stack', id: 'audit-list' },
          h('thead', {}, h('tr', {}, ['When', 'Who', 'Subject', 'Change'].map((t) => h('th', { scope: 'col' }, t)))),
          body)));
  }
  await load();
}
