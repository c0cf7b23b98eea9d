// Onboarding a city: every field of POST /api/v1/provider/cities, checked in the page first, and a
// refusal shown next to the field the server names (a taken slug, a bad time zone, a day's hours).
import { api } from '/assets/shared/auth.js';
import { field, formLines, h, list, optional, save } from '/assets/admin/ui.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const WEEKDAYS = new Set(DAYS.slice(0, 5));

let ctx;
let form;

function zones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch (e) {
    return ['America/Edmonton', 'America/Regina', 'America/Toronto', 'America/Vancouver'];
  }
}

function dayRow(day) {
  const name = day.charAt(0) + day.slice(1).toLowerCase();
  const open = field({ label: name + ' opens', type: 'time', key: 'opens', value: WEEKDAYS.has(day) ? '08:30' : '' });
  const close = field({ label: name + ' closes', type: 'time', key: 'closes', value: WEEKDAYS.has(day) ? '16:30' : '' });
  const row = h('div', { class: 'row day', dataset: { day } }, open, close);
  row.open = open.control;
  row.close = close.control;
  return row;
}

/** The weekly ranges typed (a day with both times), each row named weekly[i] as the server names it. */
function hours() {
  const ranges = [];
  for (const row of form.querySelectorAll('.row.day')) {
    row.open.removeAttribute('data-field');
    row.close.removeAttribute('data-field');
    if (row.open.value || row.close.value) {
      const i = ranges.length;
      row.open.dataset.field = 'weekly[' + i + '].opens';
      row.close.dataset.field = 'weekly[' + i + '].closes';
      ranges.push({ day: row.dataset.day, opens: row.open.value, closes: row.close.value });
    }
  }
  return ranges;
}

/** A day with one time and not the other: refused in the page, next to the missing one. */
function halfDays() {
  const problems = [];
  for (const row of form.querySelectorAll('.row.day')) {
    if (row.open.value && !row.close.value) {
      problems.push({ field: row.close.dataset.field, message: 'is required when the day opens' });
    } else if (row.close.value && !row.open.value) {
      problems.push({ field: row.open.dataset.field, message: 'is required when the day closes' });
    }
  }
  return problems;
}

function payload() {
  const e = form.elements;
  const population = e.population.value.trim();
  return {
    slug: e.slug.value.trim(),
    display_name: e.display_name.value.trim(),
    jurisdiction_id: e.jurisdiction_id.value.trim(),
    time_zone: e.time_zone.value.trim(),
    locales: list(e.locales.value),
    population: population === '' ? null : Number(population),
    contact_email: optional(e.contact_email.value),
    admin_email: optional(e.admin_email.value),
    host_name: optional(e.host_name.value),
    catalogue: e.catalogue.value,
    hours: hours(),
    demo_data: false,
  };
}

function build() {
  form = h('form', { id: 'onboard-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const zoneList = h('datalist', { id: 'time-zones' }, zones().map((z) => h('option', { value: z })));
  const done = h('div', { id: 'onboard-done', class: 'report', role: 'status', hidden: true });
  form.append(
    formError,
    h('fieldset', {},
      h('legend', {}, 'The city'),
      h('div', { class: 'row' },
        field({ label: 'Slug', field: 'slug', name: 'slug', required: true, pattern: '[a-z][a-z0-9\\-]{1,39}', maxlength: '40', autocomplete: 'off', format: 'lowercase letters, digits and -, starting with a letter, 2 to 40', hint: 'In every address of the city: /c/medicine-hat/' }),
        field({ label: 'Name', field: 'display_name', name: 'display_name', required: true, maxlength: '120', hint: 'As residents see it: City of Medicine Hat' })),
      h('div', { class: 'row' },
        field({ label: 'Jurisdiction', field: 'jurisdiction_id', name: 'jurisdiction_id', required: true, maxlength: '253', autocomplete: 'off', format: 'a web domain, lowercase: medicinehat.ca', hint: 'Its web domain without www: Open311\'s jurisdiction_id' }),
        field({ label: 'Own host name', field: 'host_name', name: 'host_name', maxlength: '253', autocomplete: 'off', hint: 'Optional: 311.medicinehat.ca' })),
      h('div', { class: 'row' },
        field({ label: 'Time zone', field: 'time_zone', name: 'time_zone', required: true, list: 'time-zones', value: 'America/Edmonton', autocomplete: 'off', hint: 'An IANA zone: America/Edmonton' }),
        field({ label: 'Languages', field: 'locales', name: 'locales', required: true, value: 'en, fr', hint: 'Language tags, comma-separated; the first is the main one' })),
      zoneList),
    h('fieldset', {},
      h('legend', {}, 'Contacts'),
      h('div', { class: 'row' },
        field({ label: 'Population', field: 'population', name: 'population', type: 'number', min: '0', step: '1', inputmode: 'numeric', format: 'a whole number' }),
        field({ label: 'City contact e-mail', field: 'contact_email', name: 'contact_email', type: 'email', format: 'an e-mail address', hint: 'Where the operator writes to' })),
      field({ label: 'First administrator\'s e-mail', field: 'admin_email', name: 'admin_email', type: 'email', format: 'an e-mail address', hint: 'Gets an e-mail to set a password, valid 7 days, and administers the city' })),
    h('fieldset', {},
      h('legend', {}, 'Starting catalogue and hours'),
      field({ label: 'Catalogue', field: 'catalogue', name: 'catalogue', type: 'select', value: 'template', options: [['template', 'The standard catalogue (80 categories)'], ['none', 'None: start empty']] }),
      h('p', { class: 'hint' }, 'Opening hours of the 311 line; leave a day empty when it is closed.'),
      h('div', { class: 'days' }, DAYS.map(dayRow))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Onboard the city' })),
    formStatus,
    done);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.hidden = true;
    const body = payload();
    const city = await save(
      form,
      () =>
        api(ctx.base + '/cities', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      halfDays,
    );
    if (city) {
      form.formStatus.textContent = 'Onboarded';
      done.replaceChildren(
        h('p', {}, h('strong', {}, city.name), ' is live at ', h('a', { href: '/c/' + encodeURIComponent(city.slug) + '/' }, '/c/' + city.slug + '/'), '.'),
        body.admin_email ? h('p', {}, body.admin_email + ' was sent an e-mail to set a password.') : null,
        h('p', {}, h('a', { href: '#cities' }, 'See it in the list of cities')));
      done.hidden = false;
      form.reset();
      form.elements.time_zone.value = 'America/Edmonton';
      form.elements.locales.value = 'en, fr';
      form.elements.catalogue.value = 'template';
      for (const row of form.querySelectorAll('.row.day')) {
        const weekday = WEEKDAYS.has(row.dataset.day);
        row.open.value = weekday ? '08:30' : '';
        row.close.value = weekday ? '16:30' : '';
      }
    }
  });
  return form;
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    section.append(build());
  }
}
