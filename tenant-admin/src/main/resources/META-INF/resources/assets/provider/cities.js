// The cities: status and use over the last 30 days, and the operator's actions on each: suspend
// (with a reason) and resume, export (the archive downloads while its progress shows), offboard
// (the slug retyped; the city is suspended and deleted when the grace period is over), cancel.
import { api, authorizedFetch } from '/assets/shared/auth.js';
import { cell, field, formLines, h, save, when } from '/assets/admin/ui.js';

let ctx;
let ui;

/** A size for people: bytes, KB or MB. */
function megabytes(bytes) {
  if (bytes < 1024) {
    return bytes + ' bytes';
  }
  if (bytes < 1048576) {
    return Math.round(bytes / 1024) + ' KB';
  }
  return (bytes / 1048576).toLocaleString('en-CA', { maximumFractionDigits: 1 }) + ' MB';
}

function statusOf(city) {
  if (city.offboard_at) {
    return h('span', {},
      h('span', { class: 'badge leaving' }, 'leaving'),
      h('span', { class: 'hint' }, 'Deleted from ', h('time', { datetime: city.offboard_at }, when(city.offboard_at))));
  }
  return h('span', { class: 'badge ' + (city.status === 'active' ? 'on' : 'off') }, city.status);
}

function button(text, onclick, kind = 'secondary') {
  return h('button', { type: 'button', class: kind + ' small', onclick }, text);
}

/** The row's actions: what can be done to the city as it stands. */
function actions(city) {
  const tools = [];
  if (city.offboard_at) {
    tools.push(button('Cancel deletion', () => cancel(city)));
  } else if (city.status === 'active') {
    tools.push(button('Suspend', () => open(city, suspendForm(city))));
  } else {
    tools.push(button('Resume', () => resume(city)));
  }
  tools.push(button('Export', () => open(city, exportPanel(city))));
  if (!city.offboard_at) {
    tools.push(button('Offboard', () => open(city, offboardForm(city)), 'danger'));
  }
  return h('div', { class: 'actions' }, tools);
}

/** Opens a form or panel for one city above the list, its heading focused. */
function open(city, content) {
  const title = h('h3', { tabindex: '-1' }, content.heading + ': ' + city.name);
  const close = button('Close', () => {
    ui.editor.hidden = true;
    ui.editor.replaceChildren();
  });
  say('');
  ui.editor.replaceChildren(title, content, h('div', { class: 'actions' }, close));
  ui.editor.hidden = false;
  ui.editor.dataset.city = city.slug;
  title.focus();
}

function say(text) {
  ui.said.textContent = text;
}

function suspendForm(city) {
  const form = h('form', { id: 'suspend-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  form.append(
    h('p', {}, 'Every page, API, Open311 client and phone line of the city answers “not served at the moment” until it is resumed; its data is kept.'),
    formError,
    field({ label: 'Reason', field: 'reason', name: 'reason', type: 'textarea', required: true, maxlength: '500', hint: 'Recorded in the audit log: why the city is switched off' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Suspend the city' })),
    formStatus);
  form.heading = 'Suspend';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await save(form, () =>
      api(ctx.base + '/cities/' + encodeURIComponent(city.slug) + '/suspend', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: form.elements.reason.value.trim() }),
      }));
    if (done) {
      ui.editor.hidden = true;
      say(city.name + ' is suspended.');
      await load();
    }
  });
  return form;
}

function offboardForm(city) {
  const form = h('form', { id: 'offboard-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  form.append(
    h('p', {}, 'The city is suspended at once, and ', h('strong', {}, 'every row of it is deleted when the grace period is over'), ', with its staff\'s accounts that serve no other city. Until then the deletion can be cancelled. Export the city first if it wants its data.'),
    formError,
    field({ label: 'Type the city\'s slug to confirm', field: 'confirm', name: 'confirm', required: true, autocomplete: 'off', hint: 'The slug is ' + city.slug }),
    field({ label: 'Reason', field: 'reason', name: 'reason', type: 'textarea', required: true, maxlength: '500', hint: 'Recorded in the audit log' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', text: 'Offboard the city' })),
    formStatus);
  form.heading = 'Offboard';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await save(
      form,
      () =>
        api(ctx.base + '/cities/' + encodeURIComponent(city.slug) + '/offboarding', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ confirm: form.elements.confirm.value.trim(), reason: form.elements.reason.value.trim() }),
        }),
      () => (form.elements.confirm.value.trim() && form.elements.confirm.value.trim() !== city.slug
        ? [{ field: 'confirm', message: 'is not the city\'s slug (' + city.slug + ')' }]
        : []),
    );
    if (done) {
      ui.editor.hidden = true;
      say(city.name + ' is suspended and will be deleted from ' + when(done.offboard_at) + ', unless cancelled before.');
      await load();
    }
  });
  return form;
}

/** Makes an export, downloads its archive and shows its progress meanwhile. */
function exportPanel(city) {
  const panel = h('div', { id: 'export-panel' });
  const progress = h('progress', { id: 'export-progress', max: '1', value: '0' });
  const line = h('p', { id: 'export-status', role: 'status', 'aria-live': 'polite' }, 'Counting the city\'s rows…');
  const link = h('p', { id: 'export-link' });
  panel.append(
    h('p', {}, 'The archive holds every row of the city, table by table (CSV), its photos, and the city itself (JSON). It is read as the city, so it holds nothing of another.'),
    h('label', { for: 'export-progress' }, 'Progress'),
    progress, line, link);
  panel.heading = 'Export';
  run(city, progress, line, link).catch((e) => {
    line.textContent = 'The export failed: ' + e.message;
    line.className = 'form-status bad';
  });
  return panel;
}

async function run(city, progress, line, link) {
  const base = ctx.base + '/cities/' + encodeURIComponent(city.slug) + '/exports';
  const job = await api(base, { method: 'POST' });
  progress.max = Math.max(1, job.rows_total);
  line.textContent = job.rows_total.toLocaleString('en-CA') + ' rows to write.';
  let received = 0;
  let finished = false;
  const poll = async () => {
    while (!finished) {
      try {
        const now = await api(base + '/' + job.id);
        progress.max = Math.max(1, now.rows_total);
        progress.value = now.rows_done;
        if (!finished) {
          line.textContent = now.rows_done.toLocaleString('en-CA') + ' of ' + now.rows_total.toLocaleString('en-CA') + ' rows written, ' + now.files + ' files.';
        }
      } catch (e) {
        // another instance streams it: show the bytes received instead
        line.textContent = megabytes(received) + ' received.';
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  };
  const polling = poll();
  const response = await authorizedFetch('/' + job.archive, { headers: { Accept: 'application/zip' } });
  if (!response.ok) {
    finished = true;
    throw new Error(response.statusText + ' (' + response.status + ')');
  }
  const reader = response.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    received += value.length;
  }
  finished = true;
  await polling;
  const final = await api(base + '/' + job.id).catch(() => null);
  if (final && final.status !== 'done') {
    throw new Error(final.error || 'the archive is incomplete');
  }
  // a ZIP archive starts with "PK": anything else is a broken answer, not a file to save
  if (received < 4 || chunks[0][0] !== 0x50 || chunks[0][1] !== 0x4b) {
    throw new Error('the answer is not a ZIP archive');
  }
  progress.value = progress.max;
  line.textContent = 'Done: ' + (final ? final.rows_done.toLocaleString('en-CA') + ' rows, ' + final.files + ' files, ' : '') + megabytes(received) + '.';
  line.className = 'form-status ok';
  const name = (response.headers.get('Content-Disposition') || '').replace(/.*filename="([^"]+)".*/, '$1') || city.slug + '-export.zip';
  const url = URL.createObjectURL(new Blob(chunks, { type: 'application/zip' }));
  const a = h('a', { href: url, download: name, id: 'export-download', dataset: { bytes: String(received) } }, 'Save ' + name + ' (' + megabytes(received) + ')');
  link.replaceChildren(a);
  a.click();
}

async function resume(city) {
  try {
    await api(ctx.base + '/cities/' + encodeURIComponent(city.slug) + '/resume', { method: 'POST' });
    say(city.name + ' is served again.');
  } catch (e) {
    say(city.name + ' was not resumed: ' + (e.problem?.detail || e.message));
  }
  await load();
}

async function cancel(city) {
  try {
    await api(ctx.base + '/cities/' + encodeURIComponent(city.slug) + '/offboarding', { method: 'DELETE' });
    say('The deletion of ' + city.name + ' is cancelled; it stays suspended until resumed.');
  } catch (e) {
    say('The deletion of ' + city.name + ' was not cancelled: ' + (e.problem?.detail || e.message));
  }
  await load();
}

async function load() {
  const [cities, usage] = await Promise.all([
    api(ctx.base + '/cities'),
    api(ctx.base + '/usage?days=30').catch(() => []),
  ]);
  const of = new Map(usage.map((u) => [u.city, u]));
  ui.body.replaceChildren(
    ...cities.map((c) => {
      const u = of.get(c.slug) || {};
      return h('tr', { dataset: { city: c.slug } },
        cell('City', h('strong', {}, c.name), h('br'), h('code', {}, c.slug), h('span', { class: 'hint' }, ' ' + c.jurisdiction_id)),
        cell('Status', statusOf(c)),
        cell('Requests', String(u.service_requests ?? '—')),
        cell('Contacts', String(u.contacts ?? '—')),
        cell('Photos', u.media_bytes == null ? '—' : megabytes(u.media_bytes)),
        cell('Staff', String(u.active_staff ?? '—')),
        h('td', { class: 'act', 'data-label': 'Actions' }, actions(c)));
    }),
  );
  const suspended = cities.filter((c) => c.status !== 'active').length;
  ui.count.textContent = cities.length + ' cities' + (suspended ? ', ' + suspended + ' suspended' : '') + '.';
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const body = h('tbody');
    const count = h('p', { class: 'count' });
    const said = h('p', { class: 'form-status', id: 'cities-said', role: 'status', 'aria-live': 'polite' });
    const editor = h('div', { class: 'editor', id: 'city-editor', hidden: true });
    ui = { body, count, said, editor };
    section.append(
      said,
      editor,
      count,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'stack', id: 'city-list' },
          h('thead', {}, h('tr', {}, ['City', 'Status', 'Requests', 'Contacts', 'Photos', 'Staff', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
          body)));
  }
  await load();
}
