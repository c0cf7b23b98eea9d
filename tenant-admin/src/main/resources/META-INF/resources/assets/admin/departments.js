// Departments: the parts of the city that requests are routed to, and the categories routed to each.
import { api } from '/assets/shared/auth.js';
import { cell, field, formLines, h, namedGroup, optional, save } from './ui.js';

const CODE = '[a-z0-9]+([\\-_.][a-z0-9]+)*';

let ctx;
let ui;
let departments = [];
let categories = [];

/** The department as its PUT sends it. */
function departmentPayload(form) {
  return {
    name: form.elements.name.value.trim(),
    email: optional(form.elements.email.value),
    categories: [...form.querySelectorAll('input[name="categories"]:checked')].map((c) => c.value),
  };
}

function choices(department) {
  const mine = new Set(department?.categories || []);
  return categories.map((c) => {
    const elsewhere = c.department && c.department !== department?.code ? c.department : null;
    const box = field({
      label: c.name + ' (' + c.code + ')' + (c.active ? '' : ', withdrawn'),
      type: 'checkbox',
      name: 'categories',
      value: mine.has(c.code),
    });
    box.control.value = c.code;
    box.dataset.search = (c.code + ' ' + c.name + ' ' + (c.group || '')).toLowerCase();
    if (elsewhere) {
      box.append(h('span', { class: 'note' }, 'now routed to “' + elsewhere + '”'));
    }
    return box;
  });
}

function departmentForm(department) {
  const form = h('form', { id: 'department-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const code = field({ label: 'Code', field: 'code', name: 'code', value: department?.code, required: true, maxlength: 60, pattern: CODE, format: 'lowercase letters and digits, with - _ or . between them', hint: 'It cannot change later.', autocomplete: 'off', readOnly: Boolean(department) });
  const filter = field({ label: 'Find a category', type: 'search', autocomplete: 'off' });
  const list = h('div', { class: 'choices', id: 'department-categories' }, choices(department));
  filter.control.addEventListener('input', () => {
    const q = filter.control.value.trim().toLowerCase();
    for (const box of list.children) {
      box.hidden = q !== '' && !box.dataset.search.includes(q);
    }
  });
  const counter = h('p', { class: 'hint', 'aria-live': 'polite' });
  const count = () => {
    const n = list.querySelectorAll('input:checked').length;
    counter.textContent = n + (n === 1 ? ' category' : ' categories') + ' ticked.';
  };
  list.addEventListener('change', count);
  count();
  form.append(
    formError,
    code,
    field({ label: 'Name', field: 'name', name: 'name', value: department?.name, required: true, maxlength: 120 }),
    field({ label: 'E-mail', field: 'email', name: 'email', type: 'email', value: department?.email, maxlength: 254, autocomplete: 'off', format: 'an e-mail address, like roads@example.org' }),
    namedGroup(
      h('fieldset', {},
        h('legend', {}, 'Categories routed to this department'),
        h('p', { class: 'hint' }, 'A ticked category that is routed to another department moves here; an unticked one is routed to none.'),
        filter,
        list,
        counter),
      { field: 'categories', label: 'Categories' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: 'Save department' }),
      h('button', { type: 'button', class: 'secondary', text: 'Close', onclick: closeEditor })),
    formStatus);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const codeValue = code.control.value.trim();
    const saved = await save(form, () =>
      api(ctx.base + '/admin/departments/' + encodeURIComponent(codeValue), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(departmentPayload(form)),
      }),
    );
    if (saved) {
      code.control.readOnly = true;
      ui.title.textContent = 'Edit ' + saved.name;
      await load();
    }
  });
  return form;
}

function openEditor(department) {
  ui.title.textContent = department ? 'Edit ' + department.name : 'New department';
  ui.editor.replaceChildren(ui.title, departmentForm(department));
  ui.editor.hidden = false;
  highlight(department?.code);
  ui.title.focus();
}

function closeEditor() {
  ui.editor.hidden = true;
  highlight(null);
  ui.add.focus();
}

function highlight(code) {
  for (const tr of ui.body.rows) {
    if (code && tr.dataset.code === code) {
      tr.setAttribute('aria-current', 'true');
    } else {
      tr.removeAttribute('aria-current');
    }
  }
}

function render() {
  ui.body.replaceChildren(
    ...departments.map((d) => {
      const edit = h('button', { type: 'button', class: 'secondary small', 'aria-label': 'Edit ' + d.name }, 'Edit');
      edit.addEventListener('click', () => openEditor(d));
      return h('tr', { dataset: { code: d.code } },
        cell('Code', h('code', {}, d.code)),
        cell('Name', d.name),
        cell('E-mail', d.email || '—'),
        cell('Categories', String(d.categories.length)),
        h('td', { class: 'act' }, edit));
    }),
  );
  ui.count.textContent = departments.length + ' departments.';
  const open = ui.editor.hidden ? null : ui.editor.querySelector('input[name=code]');
  highlight(open && open.readOnly ? open.value : null);
}

async function load() {
  [departments, categories] = await Promise.all([
    api(ctx.base + '/admin/departments'),
    api(ctx.base + '/admin/service-categories'),
  ]);
  render();
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const add = h('button', { type: 'button', text: 'New department' });
    add.addEventListener('click', () => openEditor(null));
    const body = h('tbody');
    const count = h('p', { class: 'count', role: 'status' });
    const title = h('h3', { id: 'department-editor-title', tabindex: '-1' });
    const editor = h('div', { class: 'editor', id: 'department-editor', hidden: true, role: 'region', 'aria-labelledby': 'department-editor-title' }, title);
    ui = { add, body, count, title, editor };
    section.append(
      h('div', { class: 'toolbar' }, add),
      editor,
      h('div', { class: 'list' },
        count,
        h('div', { class: 'table-wrap' },
          h('table', { class: 'stack', id: 'department-list' },
            h('thead', {}, h('tr', {}, ['Code', 'Name', 'E-mail', 'Categories'].map((t) => h('th', { scope: 'col' }, t)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            body))));
  }
  await load();
}
