// Onboarding a city: every field of POST /api/v1/provider/cities, checked in the page first, and a
// refusal shown next to the field the server names (a taken slug, a bad time zone, a day's hours,
// each broken row of a CSV file). The onboarding runs in the background (POST
// /api/v1/provider/onboardings) and the page follows its progress until the city is made or refused.
import { api } from '/assets/shared/auth.js';
import { clearProblems, field, formLines, h, list, optional, problemsOf, save, showProblems } from '/assets/admin/ui.js';

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

/** The chosen catalogue's own fields: a CSV file, or an Open311 server's address. */
function catalogueProblems() {
  const e = form.elements;
  if (e.catalogue.value === 'csv' && e.catalogue_csv.files.length === 0) {
    return [{ field: 'catalogue_csv', message: 'choose the CSV file of the catalogue' }];
  }
  return [];
}

function showCatalogueChoice() {
  const kind = form.elements.catalogue.value;
  form.querySelector('#catalogue-csv').hidden = kind !== 'csv';
  form.querySelector('#catalogue-open311').hidden = kind !== 'open311';
}

async function payload() {
  const e = form.elements;
  const population = e.population.value.trim();
  const kind = e.catalogue.value;
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
    catalogue: kind,
    catalogue_csv: kind === 'csv' && e.catalogue_csv.files.length > 0 ? await e.catalogue_csv.files[0].text() : null,
    catalogue_url: kind === 'open311' ? optional(e.catalogue_url.value) : null,
    catalogue_jurisdiction_id: kind === 'open311' ? optional(e.catalogue_jurisdiction_id.value) : null,
    hours: hours(),
    phone_entry_points: phoneEntryPoints(e),
    demo_data: e.demo_data.checked,
  };
}

/**
 * The city's lines from the form's numbers, as the city's phone routing holds them (its
 * administrator changes them later): the main number takes 311 with the 911 prompt and a greeting
 * in the main language, then the city's queue in hours and voicemail after; the TTY number its own
 * queue.
 */
function phoneEntryPoints(e) {
  const slug = e.slug.value.trim();
  const name = e.display_name.value.trim();
  const language = list(e.locales.value)[0] || 'en';
  const main = e.phone_main.value.trim();
  const tty = e.phone_tty.value.trim();
  const points = [];
  if (main) {
    points.push({
      number: main,
      short_code: '311',
      kind: 'main',
      label: '311 (inside city limits) and ' + main + ' (from outside)',
      emergency_prompt: true,
      greetings: { [language]: 'Thank you for calling ' + name + ' 311.' },
      languages: [language],
      in_hours: { action: 'queue', queue: slug + '-311' },
      out_of_hours: { action: 'voicemail' },
    });
  }
  if (tty) {
    points.push({
      number: tty,
      kind: 'tty',
      label: 'TTY',
      in_hours: { action: 'queue', queue: slug + '-tty' },
      out_of_hours: { action: 'voicemail' },
    });
  }
  return points;
}

function progressBox() {
  const bar = h('progress', { id: 'onboard-progress-bar', max: '1', value: '0' });
  const line = h('p', { id: 'onboard-progress-line', role: 'status' });
  return h('div', { id: 'onboard-progress', hidden: true },
    h('label', { for: 'onboard-progress-bar' }, 'Progress'), bar, line);
}

/** What the onboarding's counters say, in words. */
function progressLine(job) {
  if (job.phase === 'checking') {
    return 'Checking the form…';
  }
  if (job.phase === 'fetching') {
    return 'Reading the Open311 server: ' + job.done + ' of ' + job.total + ' service definitions';
  }
  if (job.phase === 'finishing') {
    return 'Imported ' + job.total + ' of ' + job.total + ' categories; setting the hours and the first administrator…';
  }
  return 'Imported ' + job.done + ' of ' + job.total + ' categories';
}

function categoriesLine(job) {
  if (job.catalogue === 'none') {
    return 'It starts with an empty catalogue.';
  }
  const from = { template: 'the standard catalogue', csv: 'the CSV file', open311: 'the Open311 server' }[job.catalogue] || job.catalogue;
  return 'Imported ' + job.done + ' of ' + job.total + ' categories from ' + from + '.';
}

/** Follows an onboarding until it is over, showing its progress; returns it as it ended. */
async function follow(job) {
  const box = form.querySelector('#onboard-progress');
  const bar = box.querySelector('progress');
  const line = box.querySelector('#onboard-progress-line');
  const buttons = [...form.querySelectorAll('button[type=submit]')];
  buttons.forEach((b) => {
    b.disabled = true;
  });
  form.formStatus.textContent = 'Onboarding…';
  form.formStatus.className = 'form-status';
  box.hidden = false;
  let now = job;
  try {
    for (;;) {
      bar.max = Math.max(1, now.total);
      bar.value = now.done;
      line.textContent = progressLine(now);
      if (now.status !== 'running') {
        return now;
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      now = await api(ctx.base + '/onboardings/' + encodeURIComponent(job.id));
    }
  } catch (e) {
    return { ...now, status: 'failed', problem: e.problem || { detail: e.message } };
  } finally {
    buttons.forEach((b) => {
      b.disabled = false;
    });
  }
}

/** Each broken row of a refused CSV file on its own line under the file; false when there are none. */
function showRows(problem) {
  const rows = (problem?.errors || []).filter((e) => e.field === 'catalogue_csv');
  if (rows.length < 2) {
    return false;
  }
  showProblems(form, [{ field: 'catalogue_csv', message: rows.length + ' rows are wrong:' }]);
  const error = document.getElementById(form.elements.catalogue_csv.dataset.error);
  error.append(h('ul', { class: 'rows' }, rows.map((r) => h('li', {}, r.message))));
  return true;
}

/** A refused onboarding, shown next to the fields it names. */
function showRefusal(problem) {
  const box = form.querySelector('#onboard-progress');
  box.querySelector('#onboard-progress-line').textContent = 'Not onboarded: ' + (problem?.detail || 'refused');
  if (!showRows(problem)) {
    showProblems(form, problemsOf({ problem, message: problem?.detail }));
  }
  form.formStatus.textContent = 'Not onboarded: ' + (problem?.detail || '');
  form.formStatus.className = 'form-status bad';
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
      field({ label: 'Catalogue', field: 'catalogue', name: 'catalogue', type: 'select', value: 'template', options: [['template', 'The standard catalogue (80 categories)'], ['none', 'None: start empty'], ['csv', 'A CSV file'], ['open311', 'Import from the city\'s Open311 server']] }),
      h('div', { id: 'catalogue-csv', hidden: true },
        field({ label: 'Catalogue file', field: 'catalogue_csv', name: 'catalogue_csv', type: 'file', accept: '.csv,text/csv', hint: 'The city administrator\'s catalogue CSV: code,name,group,keywords,description,active,staff_only, then name_fr... Every row is checked; one wrong row and nothing is made.' })),
      h('div', { id: 'catalogue-open311', hidden: true }, h('div', { class: 'row' },
        field({ label: 'Open311 address', field: 'catalogue_url', name: 'catalogue_url', type: 'url', required: true, maxlength: '2000', autocomplete: 'off', format: 'an http:// or https:// address', hint: 'The GeoReport v2 base address: https://311.medicinehat.ca/open311/v2/' }),
        field({ label: 'Its jurisdiction_id', field: 'catalogue_jurisdiction_id', name: 'catalogue_jurisdiction_id', maxlength: '253', autocomplete: 'off', hint: 'Only if that server needs one' }))),
      h('p', { class: 'hint' }, 'Opening hours of the 311 line; leave a day empty when it is closed.'),
      h('div', { class: 'days' }, DAYS.map(dayRow)),
      field({ label: 'Sample requests for a trial (25, over the catalogue)', field: 'demo_data', name: 'demo_data', type: 'checkbox' })),
    h('fieldset', {},
      h('legend', {}, 'Phone lines'),
      h('div', { class: 'row' },
        field({ label: 'Main number', field: 'phone_entry_points[0].number', name: 'phone_main', type: 'tel', maxlength: '30', autocomplete: 'off', format: 'a phone number: 403-320-3001', hint: 'Optional. Where 311 calls from inside the city arrive, and the number from outside: the 911 prompt, a greeting, the city\'s queue in hours, voicemail after' }),
        field({ label: 'TTY number', field: 'phone_entry_points[1].number', name: 'phone_tty', type: 'tel', maxlength: '30', autocomplete: 'off', hint: 'Optional. Its own queue in hours, voicemail after' })),
      h('p', { class: 'hint' }, 'The numbers become the city\'s; its administrator refines the lines later (languages, trouble line).')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Onboard the city' })),
    formStatus,
    progressBox(),
    done);
  form.elements.catalogue.addEventListener('change', showCatalogueChoice);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.hidden = true;
    form.querySelector('#onboard-progress').hidden = true;
    const body = await payload();
    const job = await save(
      form,
      async () => {
        try {
          return await api(ctx.base + '/onboardings', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
        } catch (e) {
          if (showRows(e.problem)) {
            e.shown = true;
            e.message = 'Not onboarded: ' + e.problem.detail;
          }
          throw e;
        }
      },
      () => [...halfDays(), ...catalogueProblems()],
    );
    if (!job) {
      return;
    }
    const over = await follow(job);
    if (over.status === 'failed') {
      clearProblems(form);
      showRefusal(over.problem);
      return;
    }
    const city = over.city;
    if (city) {
      form.formStatus.textContent = 'Onboarded';
      done.replaceChildren(
        h('p', {}, h('strong', {}, city.name), ' is live at ', h('a', { href: '/c/' + encodeURIComponent(city.slug) + '/' }, '/c/' + city.slug + '/'), '.'),
        h('p', {}, categoriesLine(over)),
        body.admin_email ? h('p', {}, body.admin_email + ' was sent an e-mail to set a password.') : null,
        h('p', {}, h('a', { href: '#cities' }, 'See it in the list of cities')));
      done.hidden = false;
      form.reset();
      form.elements.time_zone.value = 'America/Edmonton';
      form.elements.locales.value = 'en, fr';
      form.elements.catalogue.value = 'template';
      showCatalogueChoice();
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
