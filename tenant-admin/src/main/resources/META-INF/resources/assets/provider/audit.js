// The operator's audit log, read only: who did what to which city, newest first, with the details.
import { api } from '/assets/shared/auth.js';
import { cell, field, h, when } from '/assets/admin/ui.js';

let ctx;
let ui;

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

async function load() {
  const city = ui.city.control.value.trim();
  const params = new URLSearchParams({ limit: '100' });
  if (city) {
    params.set('city', city);
  }
  ui.city.control.removeAttribute('aria-invalid');
  document.getElementById(ui.city.control.dataset.error).textContent = '';
  let entries;
  try {
    entries = await api(ctx.base + '/audit?' + params);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      ui.city.control.setAttribute('aria-invalid', 'true');
      document.getElementById(ui.city.control.dataset.error).textContent = 'City: ' + (e.problem?.detail || e.message);
      ui.body.replaceChildren();
      ui.count.textContent = '';
      return;
    }
    throw e;
  }
  ui.body.replaceChildren(
    ...entries.map((e) =>
      h('tr', {},
        cell('When', h('time', { datetime: e.at }, when(e.at))),
        cell('Who', e.operator),
        cell('Action', h('code', {}, e.action)),
        cell('City', e.city || '—'),
        h('td', { 'data-label': 'Detail', class: 'wide' },
          h('details', {}, h('summary', {}, 'Detail'), h('pre', {}, pretty(e.detail)))))),
  );
  ui.count.textContent = entries.length === 0
    ? 'No actions' + (city ? ' about ' + city : '') + ' yet.'
    : 'The newest ' + entries.length + ' actions' + (city ? ' about ' + city : '') + ', newest first.';
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const city = field({ label: 'Only the city', type: 'search', autocomplete: 'off', placeholder: 'a slug: lethbridge', field: 'city' });
    const form = h('form', { class: 'toolbar', id: 'audit-filter' }, city, h('button', { type: 'submit', class: 'secondary', text: 'Show' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    const body = h('tbody');
    const count = h('p', { class: 'count', role: 'status' });
    ui = { city, body, count };
    section.append(
      form,
      count,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'stack', id: 'audit-list' },
          h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'City', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
          body)));
  }
  await load();
}
