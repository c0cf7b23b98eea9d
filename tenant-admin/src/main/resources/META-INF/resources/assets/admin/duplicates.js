// The duplicate rule: how near and how recent an open request of the same category must be for a
// new report to be offered "me too" (Open311 refuses it with error 100 unless acknowledged).
import { api } from '/assets/shared/auth.js';
import { field, formLines, h, save } from './ui.js';

let ctx;
let ui;

/** The rule as its PUT sends it. */
function rulePayload(form) {
  return {
    duplicate_radius_metres: Number(form.elements.duplicate_radius_metres.value),
    duplicate_max_age_days: Number(form.elements.duplicate_max_age_days.value),
  };
}

function describe(rule) {
  ui.whose.textContent = rule.city_own
    ? 'The city has its own rule.'
    : 'The deployment\'s defaults apply until the city saves its own rule.';
}

function ruleForm() {
  const form = h('form', { id: 'duplicates-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  form.append(
    formError,
    h('div', { class: 'row' },
      field({ label: 'Radius in metres', field: 'duplicate_radius_metres', name: 'duplicate_radius_metres', type: 'number', required: true, min: '0', max: '2000', step: '1', inputmode: 'numeric', format: 'a whole number of metres', hint: '0 to 2000; 0 turns the check off' }),
      field({ label: 'Age in days', field: 'duplicate_max_age_days', name: 'duplicate_max_age_days', type: 'number', required: true, min: '1', max: '365', step: '1', inputmode: 'numeric', format: 'a whole number of days', hint: '1 to 365' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Save rule' })),
    formStatus);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rule = await save(form, () =>
      api(ctx.base + '/admin/duplicate-rule', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rulePayload(form)),
      }),
    );
    if (rule) {
      describe(rule);
    }
  });
  return form;
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const whose = h('p', { id: 'duplicates-whose' });
    ui = { whose, form: ruleForm() };
    section.append(whose, ui.form);
  }
  const rule = await api(ctx.base + '/admin/duplicate-rule');
  ui.form.elements.duplicate_radius_metres.value = rule.duplicate_radius_metres;
  ui.form.elements.duplicate_max_age_days.value = rule.duplicate_max_age_days;
  describe(rule);
}
