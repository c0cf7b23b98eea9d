// The catalogue: the city's categories, one editor for a category and its service definition
// (Open311 attributes) and service level, and the catalogue as a CSV file in and out.
import { api, authorizedFetch } from '/assets/shared/auth.js';
import { cell, field, formLines, h, list, itemTools, namedGroup, optional, renumber, save } from './ui.js';

const DATATYPES = [
  ['string', 'Short text (string)'],
  ['text', 'Long text (text)'],
  ['number', 'Number'],
  ['datetime', 'Date and time'],
  ['singlevaluelist', 'One choice from a list'],
  ['multivaluelist', 'Several choices from a list'],
];
const LISTS = new Set(['singlevaluelist', 'multivaluelist']);
const CODE = '[a-z0-9]+([\\-_.][a-z0-9]+)*';
const ATTRIBUTE_CODE = '[A-Za-z0-9_\\-]+';
const DEFAULT_LEVEL = { hours: '', basis: 'business', priority: 'normal' };

let ctx;
let ui;
let categories = [];
const editorState = new WeakMap();

/** The languages a category can be named in besides the city's first (the portal's languages). */
const LANGUAGES = [['fr', 'French'], ['es', 'Spanish']];

/**
 * The category as the PUT sends it: the one place that knows its JSON names. The PUT replaces the
 * whole category, so everything the form holds is sent: groups (the main one first), names and
 * descriptions in other languages (a blank one is left out) and the service area (GeoJSON, or null
 * for the whole city).
 */
function categoryPayload(form) {
  const v = (name) => form.elements[name];
  const group = optional(v('group').value);
  const names = {};
  const descriptions = {};
  for (const [tag] of LANGUAGES) {
    const name = optional(v('name_' + tag).value);
    const description = optional(v('description_' + tag).value);
    if (name) {
      names[tag] = name;
    }
    if (description) {
      descriptions[tag] = description;
    }
  }
  const area = v('area').value.trim();
  return {
    name: v('name').value.trim(),
    groups: [group, ...list(v('more_groups').value)].filter((g, i, all) => g && all.indexOf(g) === i),
    keywords: list(v('keywords').value),
    description: optional(v('description').value),
    names,
    descriptions,
    area: area ? JSON.parse(area) : null,
    active: v('active').checked,
    staff_only: v('staff_only').checked,
    attributes: [...form.querySelectorAll('[data-list="attributes"]')].map(attributePayload),
  };
}

/** The service area must at least be a JSON object; the server checks it is a valid polygon. */
function areaProblems(form) {
  const text = form.elements.area.value.trim();
  if (!text) {
    return [];
  }
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return [];
    }
  } catch (e) {
    // reported below
  }
  return [{ field: 'area', message: 'is not a GeoJSON object: paste a Polygon or MultiPolygon, e.g. {"type":"Polygon","coordinates":[[[lon,lat],…]]}' }];
}

/** One attribute of the service definition; its order is its place in the form. */
function attributePayload(item, index) {
  const get = (key) => item.querySelector('[data-key="' + key + '"]');
  const datatype = get('datatype').value;
  return {
    code: get('code').value.trim(),
    datatype,
    required: get('required').checked,
    variable: item.dataset.variable !== 'false',
    order: index + 1,
    description: get('description').value.trim(),
    datatype_description: optional(get('datatype_description').value),
    values: LISTS.has(datatype)
      ? [...item.querySelectorAll('.value')].map((row) => ({
          key: row.querySelector('.value-key').value.trim(),
          name: row.querySelector('.value-name').value.trim(),
        }))
      : null,
  };
}

/** The service level as its PUT sends it. */
function levelPayload(form) {
  const hours = form.elements.sla_hours.value.trim();
  return {
    sla_hours: hours === '' ? null : Number(hours),
    basis: form.elements.basis.value,
    priority: form.elements.priority.value,
  };
}

function levelOf(form) {
  return { hours: form.elements.sla_hours.value.trim(), basis: form.elements.basis.value, priority: form.elements.priority.value };
}

/** Problems the page finds itself: a list needs choices, each with a key and a name. */
function attributeProblems(form) {
  const problems = [];
  renumber(form);
  for (const item of form.querySelectorAll('[data-list="attributes"]')) {
    const datatype = item.querySelector('[data-key="datatype"]').value;
    if (!LISTS.has(datatype)) {
      continue;
    }
    const rows = [...item.querySelectorAll('.value')];
    if (rows.length === 0) {
      problems.push({ field: item.dataset.field + '.values', message: 'add at least one choice' });
    } else if (rows.some((r) => !r.querySelector('.value-key').value.trim() || !r.querySelector('.value-name').value.trim())) {
      problems.push({ field: item.dataset.field + '.values', message: 'each choice needs a key and a name' });
    }
  }
  return problems;
}

function valueRow(value = {}) {
  const key = field({ label: 'Key', value: value.key, maxlength: 60, required: true, class: 'value-key', hint: 'What is sent' });
  const name = field({ label: 'Shown as', value: value.name, maxlength: 200, required: true, class: 'value-name' });
  const row = h('div', { class: 'row value' }, key, name);
  const remove = h('button', { type: 'button', class: 'danger small', text: 'Remove choice' });
  remove.addEventListener('click', () => {
    const next = row.nextElementSibling?.querySelector('input') || row.parentElement.parentElement.querySelector('.add-value');
    row.remove();
    next?.focus();
  });
  row.append(h('div', { class: 'actions' }, remove));
  return row;
}

function attributeItem(a = {}) {
  const item = h('fieldset', { class: 'item', dataset: { list: 'attributes', variable: String(a.variable !== false) } });
  item.append(h('legend', { dataset: { title: 'Question' } }, 'Question'));
  const code = field({ label: 'Code', key: 'code', value: a.code, required: true, maxlength: 60, pattern: ATTRIBUTE_CODE, format: 'letters, digits, - and _ only', hint: 'Answers are sent under it' });
  const datatype = field({ label: 'Kind of answer', key: 'datatype', type: 'select', options: DATATYPES, value: a.datatype || 'string' });
  const question = field({ label: 'Question', key: 'description', value: a.description, required: true, maxlength: 500 });
  const hint = field({ label: 'Hint on the answer', key: 'datatype_description', value: a.datatype_description, maxlength: 500, hint: 'Optional, e.g. “In square metres”' });
  const required = field({ label: 'An answer is required', key: 'required', type: 'checkbox', value: a.required });
  const rows = h('div', { class: 'values' }, (a.values || []).map((v) => valueRow(v)));
  const addValue = h('button', { type: 'button', class: 'secondary small add-value', text: 'Add a choice' });
  const values = namedGroup(h('fieldset', { class: 'choices-group' }, h('legend', {}, 'Choices'), rows, h('div', { class: 'actions' }, addValue)), { key: 'values', label: 'Choices' });
  addValue.addEventListener('click', () => {
    const row = valueRow();
    rows.append(row);
    row.querySelector('input').focus();
  });
  const showValues = () => {
    values.hidden = !LISTS.has(datatype.control.value);
    if (!values.hidden && rows.children.length === 0) {
      rows.append(valueRow());
    }
  };
  datatype.control.addEventListener('change', showValues);
  showValues();
  item.append(h('div', { class: 'row' }, code, datatype), question, hint, required, values, itemTools(item, 'Remove question', (form) => form.querySelector('.add-attribute')));
  return namedGroup(item, { label: 'Question' });
}

function categoryForm() {
  const form = h('form', { id: 'category-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const code = field({ label: 'Code', field: 'code', name: 'code', required: true, maxlength: 60, pattern: CODE, format: 'lowercase letters and digits, with - _ or . between them', hint: 'Its identifier in Open311 (service_code). It cannot change later.', autocomplete: 'off' });
  const attributes = h('div', { class: 'attributes' });
  const addAttribute = h('button', { type: 'button', class: 'secondary add-attribute', text: 'Add a question' });
  addAttribute.addEventListener('click', () => {
    const item = attributeItem();
    attributes.append(item);
    renumber(form);
    item.querySelector('input').focus();
  });
  const department = h('p', { class: 'hint', id: 'category-department' });
  form.append(
    formError,
    h('fieldset', {},
      h('legend', {}, 'Category'),
      code,
      field({ label: 'Name', field: 'name', name: 'name', required: true, maxlength: 120 }),
      field({ label: 'Group', field: 'groups', name: 'group', maxlength: 80, hint: 'Where residents find it, e.g. “Roads & Sidewalks”; Open311 apps see this one' }),
      field({ label: 'Also listed under', field: 'more_groups', name: 'more_groups', hint: 'Other groups, separated by commas, e.g. “Snow & Ice”' }),
      field({ label: 'Keywords', field: 'keywords', name: 'keywords', hint: 'Separate them with commas' }),
      field({ label: 'Description', field: 'description', name: 'description', type: 'textarea', maxlength: 2000 }),
      field({ label: 'Active (offered on every channel)', field: 'active', name: 'active', type: 'checkbox', value: true }),
      field({ label: 'Staff only (hidden from the public and Open311)', field: 'staff_only', name: 'staff_only', type: 'checkbox' }),
      department),
    h('fieldset', {},
      h('legend', {}, 'In other languages'),
      h('p', { class: 'hint' }, 'Residents reading the portal or an app in another language see these; left blank, they see the name and description above.'),
      ...LANGUAGES.flatMap(([tag, language]) => [
        field({ label: 'Name in ' + language, field: 'names.' + tag, name: 'name_' + tag, maxlength: 120, lang: tag }),
        field({ label: 'Description in ' + language, field: 'descriptions.' + tag, name: 'description_' + tag, type: 'textarea', maxlength: 2000, lang: tag }),
      ])),
    h('fieldset', {},
      h('legend', {}, 'Where it is offered'),
      field({ label: 'Service area (GeoJSON)', field: 'area', name: 'area', type: 'textarea', class: 'code', spellcheck: 'false', hint: 'Blank: the whole city. Otherwise a GeoJSON Polygon or MultiPolygon (longitude first), e.g. drawn on geojson.io; reports from outside it are refused.' })),
    namedGroup(
      h('fieldset', {},
        h('legend', {}, 'Questions (Open311 attributes)'),
        h('p', { class: 'hint' }, 'What a request of this category must or may answer. They are asked in this order.'),
        attributes,
        h('div', { class: 'actions' }, addAttribute)),
      { field: 'attributes', label: 'Questions' }),
    h('fieldset', {},
      h('legend', {}, 'Service level'),
      h('div', { class: 'row' },
        field({ label: 'Target in hours', field: 'sla_hours', name: 'sla_hours', type: 'number', min: '0.01', max: '8760', step: 'any', inputmode: 'decimal', format: 'a number of hours, more than 0', hint: 'Blank: no target' }),
        field({ label: 'Counted in', field: 'basis', name: 'basis', type: 'select', options: [['business', 'Business hours'], ['calendar', 'Calendar hours']] }),
        field({ label: 'Priority', field: 'priority', name: 'priority', type: 'select', value: 'normal', options: [['low', 'Low'], ['normal', 'Normal'], ['high', 'High'], ['urgent', 'Urgent']] }))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: 'Save category' }),
      h('button', { type: 'button', class: 'secondary', text: 'Close', onclick: () => closeEditor() })),
    formStatus);
  // (a form's own properties are its named fields, and `attributes` is every element's: what the
  // editor keeps about itself lives in `editorState`)
  editorState.set(form, { code: code.control, attributes, department, level: { ...DEFAULT_LEVEL }, editing: null, loaded: null });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveCategory(form);
  });
  return form;
}

async function saveCategory(form) {
  const state = editorState.get(form);
  const code = state.code.value.trim();
  const saved = await save(
    form,
    async () => {
      const category = await api(ctx.base + '/admin/service-categories/' + encodeURIComponent(code), {
        method: 'PUT',
        // a new category must not overwrite one the city already has under that code
        headers: state.editing ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', 'If-None-Match': '*' },
        body: JSON.stringify(categoryPayload(form)),
      });
      // saved from here on: the code is fixed, and a second save revises it
      editing(form, category);
      const level = levelOf(form);
      if (JSON.stringify(level) !== JSON.stringify(state.level)) {
        await api(ctx.base + '/admin/service-categories/' + encodeURIComponent(code) + '/service-level', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(levelPayload(form)),
        });
        state.level = level;
      }
      return category;
    },
    () => [...attributeProblems(form), ...areaProblems(form)],
  );
  if (saved) {
    await loadList();
  }
}

function editing(form, category) {
  const state = editorState.get(form);
  state.code.readOnly = true;
  state.editing = category.code;
  state.loaded = category;
  ui.title.textContent = 'Edit ' + category.name;
  state.department.textContent = category.department
    ? 'Routed to the department “' + category.department + '”: change it under Departments.'
    : 'Routed to no department: choose one under Departments.';
}

async function levelFromHistory(code) {
  // The admin list does not carry the service level; the category's newest audit entry does (its
  // "after" is the whole category, service level included).
  try {
    const entries = await api(ctx.base + '/admin/audit?limit=1&subject=' + encodeURIComponent('category:' + code));
    const after = entries.length > 0 && entries[0].after ? JSON.parse(entries[0].after) : null;
    if (!after) {
      return { ...DEFAULT_LEVEL };
    }
    return {
      hours: after.slaMinutes == null ? '' : String(Math.round((after.slaMinutes / 60) * 100) / 100),
      basis: after.slaBusinessHours === false ? 'calendar' : 'business',
      priority: after.priority || 'normal',
    };
  } catch (e) {
    return { ...DEFAULT_LEVEL };
  }
}

async function openEditor(category) {
  const form = categoryForm();
  const state = editorState.get(form);
  ui.editor.replaceChildren(ui.title, form);
  ui.editor.hidden = false;
  if (category) {
    state.code.value = category.code;
    form.elements.name.value = category.name || '';
    const groups = category.groups || (category.group ? [category.group] : []);
    form.elements.group.value = groups[0] || '';
    form.elements.more_groups.value = groups.slice(1).join(', ');
    for (const [tag] of LANGUAGES) {
      form.elements['name_' + tag].value = (category.names || {})[tag] || '';
      form.elements['description_' + tag].value = (category.descriptions || {})[tag] || '';
    }
    form.elements.area.value = category.area ? JSON.stringify(category.area, null, 1) : '';
    form.elements.keywords.value = (category.keywords || []).join(', ');
    form.elements.description.value = category.description || '';
    form.elements.active.checked = category.active;
    form.elements.staff_only.checked = category.staff_only;
    for (const a of category.attributes || []) {
      state.attributes.append(attributeItem(a));
    }
    editing(form, category);
    renumber(form);
    highlight(category.code);
    ui.title.focus();
    const level = await levelFromHistory(category.code);
    form.elements.sla_hours.value = level.hours;
    form.elements.basis.value = level.basis;
    form.elements.priority.value = level.priority;
    state.level = level;
  } else {
    ui.title.textContent = 'New category';
    state.department.textContent = 'Route it to a department under Departments once it is saved.';
    highlight(null);
    ui.title.focus();
  }
}

function closeEditor() {
  ui.editor.hidden = true;
  ui.editor.replaceChildren(ui.title);
  highlight(null);
  ui.add.focus();
}

function highlight(code) {
  for (const tr of ui.body.rows) {
    if (tr.dataset.code === code) {
      tr.setAttribute('aria-current', 'true');
    } else {
      tr.removeAttribute('aria-current');
    }
  }
}

function badges(c) {
  return [
    c.active ? h('span', { class: 'badge on' }, 'Active') : h('span', { class: 'badge off' }, 'Withdrawn'),
    c.staff_only ? h('span', { class: 'badge staff' }, 'Staff only') : null,
  ];
}

function renderList() {
  const q = ui.search.control.value.trim().toLowerCase();
  const shown = categories.filter((c) =>
    !q || [c.code, c.name, c.group, c.department, ...(c.keywords || [])].some((t) => (t || '').toLowerCase().includes(q)),
  );
  ui.body.replaceChildren(
    ...shown.map((c) => {
      const edit = h('button', { type: 'button', class: 'secondary small', 'aria-label': 'Edit ' + c.name }, 'Edit');
      edit.addEventListener('click', () => openEditor(c));
      return h('tr', { dataset: { code: c.code } },
        cell('Code', h('code', {}, c.code)),
        cell('Name', c.name),
        cell('Group', c.group || '—'),
        cell('Department', c.department || '—'),
        cell('State', badges(c)),
        h('td', { class: 'act' }, edit));
    }),
  );
  ui.count.textContent = q
    ? shown.length + ' of ' + categories.length + ' categories match “' + q + '”.'
    : categories.length + ' categories.';
  const open = document.getElementById('category-form');
  highlight(ui.editor.hidden || !open ? null : editorState.get(open)?.editing);
}

async function loadList() {
  categories = await api(ctx.base + '/admin/service-categories');
  renderList();
}

async function exportCsv(button) {
  ui.csvStatus.textContent = 'Preparing the file…';
  button.disabled = true;
  try {
    const response = await authorizedFetch(ctx.base + '/admin/catalogue/export', { headers: { Accept: 'text/csv' } });
    if (!response.ok) {
      throw new Error('The export was refused (' + response.status + ').');
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: ctx.city + '-catalogue.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    ui.csvStatus.textContent = 'The catalogue was downloaded as ' + ctx.city + '-catalogue.csv.';
  } catch (e) {
    ui.csvStatus.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

function importForm() {
  const form = h('form', { id: 'import-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const file = field({ label: 'CSV file', field: 'file', name: 'file', type: 'file', accept: '.csv,text/csv', required: true, hint: 'A header row, then one category a row. Columns: code, name, group, keywords (separated by semicolons), description, active, staff_only; only code and name are required. Attributes, departments and service levels are kept.' });
  const overwrite = field({ label: 'Also overwrite categories edited here since the last import', name: 'overwrite', type: 'checkbox' });
  const report = h('div', { class: 'report', id: 'import-report', hidden: true, tabindex: '-1' });
  form.append(formError, file, overwrite, h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Import' })), formStatus, report);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    report.hidden = true;
    report.replaceChildren();
    const chosen = file.control.files[0];
    const answer = await save(form, async () => {
      try {
        return await api(ctx.base + '/admin/catalogue/import?overwrite_local_edits=' + overwrite.control.checked, {
          method: 'POST',
          headers: { 'Content-Type': 'text/csv' },
          body: await chosen.text(),
        });
      } catch (e) {
        const rows = (e.problem?.errors || []).filter((x) => /^line \d+$/.test(x.field));
        if (rows.length === 0) {
          throw e;
        }
        // every rejected row, by line: the file is wrong, not one field of this form
        report.append(
          h('h4', {}, e.problem.detail),
          h('ul', {}, rows.map((x) => h('li', {}, x.field + ': ' + x.message))),
        );
        report.hidden = false;
        const failed = new Error('Not imported: ' + e.problem.detail);
        failed.shown = true;
        throw failed;
      }
    });
    if (answer) {
      const part = (title, codes) =>
        codes && codes.length > 0 ? h('li', {}, title + ' (' + codes.length + '): ' + codes.join(', ')) : null;
      report.append(
        h('h4', {}, 'Imported'),
        h('ul', {},
          part('Created', answer.created),
          part('Updated', answer.updated),
          part('Unchanged', answer.unchanged),
          part('Kept, as they were edited here (tick “overwrite” to replace them)', answer.kept_local_edits),
          h('li', {}, 'Not in the file, left as they are: ' + answer.not_in_file)));
      report.hidden = false;
      formStatus.textContent = 'Imported';
      await loadList();
    } else if (!report.hidden) {
      report.focus();
    }
  });
  return form;
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const search = field({ label: 'Find a category', type: 'search', placeholder: 'Code, name, group or keyword', autocomplete: 'off' });
    search.control.addEventListener('input', renderList);
    const add = h('button', { type: 'button', text: 'New category' });
    add.addEventListener('click', () => openEditor(null));
    const exportButton = h('button', { type: 'button', class: 'secondary', text: 'Export CSV' });
    exportButton.addEventListener('click', () => exportCsv(exportButton));
    const body = h('tbody');
    const count = h('p', { class: 'count', role: 'status' });
    const title = h('h3', { id: 'category-editor-title', tabindex: '-1' });
    const editor = h('div', { class: 'editor', id: 'category-editor', hidden: true, 'aria-labelledby': 'category-editor-title', role: 'region' }, title);
    const csvStatus = h('p', { class: 'form-status', role: 'status', id: 'csv-status' });
    ui = { search, add, body, count, title, editor, csvStatus };
    const importTitle = h('h3', { id: 'import-title', tabindex: '-1' }, 'Import a CSV file');
    const toImport = h('button', { type: 'button', class: 'secondary', text: 'Import CSV…' });
    toImport.addEventListener('click', () => {
      importTitle.scrollIntoView();
      document.querySelector('#import-form input[type=file]').focus();
    });
    section.append(
      h('div', { class: 'toolbar' }, search, add, exportButton, toImport),
      csvStatus,
      editor,
      h('div', { class: 'list' },
        count,
        h('div', { class: 'table-wrap' },
          h('table', { class: 'stack', id: 'category-list' },
            h('caption', { class: 'visually-hidden' }, 'Categories'),
            h('thead', {}, h('tr', {}, ['Code', 'Name', 'Group', 'Department', 'State'].map((t) => h('th', { scope: 'col' }, t)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            body))),
      importTitle,
      importForm(),
    );
  }
  await loadList();
}
