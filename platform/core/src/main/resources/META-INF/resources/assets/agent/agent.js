// The agent console, /c/{city}/agent/: a call panel (screen pop, knowledge answer, contact log, a
// new request for the caller), finding and working on any request of the city, and a department's
// queue. Every call goes to the same /api/v1 API as everyone else's, with the signed-in token.
import { api, signIn, signOut, start } from '/assets/shared/auth.js';
import * as f from '/assets/agent/forms.js';

const city = document.querySelector('meta[name="civic311-city"]').content;
const base = '/api/v1/cities/' + encodeURIComponent(city);
const $ = (id) => document.getElementById(id);
const STATUSES = [
  ['received', 'Received'],
  ['in_progress', 'In progress'],
  ['action_scheduled', 'Action scheduled'],
  ['investigating', 'Investigating'],
  ['reopened', 'Reopened'],
  ['resolved', 'Resolved'],
  ['closed', 'Closed'],
  ['cancelled', 'Cancelled'],
];
const STATUS_NAMES = Object.fromEntries([...STATUSES, ['duplicate', 'Duplicate']]);

const state = {
  timeZone: undefined,
  me: null,
  departmentOnly: false,
  categories: [],
  departments: [],
  page: 1,
  query: null,
  detail: null,
};

// ---------------------------------------------------------------------------------------------
// small helpers

function say(text) {
  $('status').textContent = text;
}

function when(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString([], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: state.timeZone,
  });
}

function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === 'text') {
      e.textContent = String(v);
    } else if (k.startsWith('on')) {
      e.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function short(id) {
  return id ? id.slice(0, 8) : '';
}

function options(select, entries, selected) {
  select.replaceChildren(
    ...entries.map(([value, label]) => new Option(label, value, false, value === selected)),
  );
}

function json(body) {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function count(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

function where(r) {
  return r.address || r.description || '';
}

// ---------------------------------------------------------------------------------------------
// sections

const SECTIONS = ['call', 'requests', 'queue'];

function show(name, focus = true) {
  let section = SECTIONS.includes(name) ? name : state.departmentOnly ? 'queue' : 'call';
  if (section === 'call' && state.departmentOnly) {
    section = 'queue'; // the call panel is the agents' (contacts are theirs)
  }
  for (const s of SECTIONS) {
    $(s).hidden = s !== section;
    const link = document.querySelector('a[data-section="' + s + '"]');
    if (s === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  if (section === 'queue') {
    loadQueue().catch((e) => f.say($('queue-form'), e.message, 'bad'));
  }
  if (focus) {
    $(section + '-title').focus();
  }
}

// ---------------------------------------------------------------------------------------------
// the caller: screen pop

function caller() {
  return {
    caller: $('caller').value.trim(),
    caller_name: $('caller-name').value.trim(),
    caller_email: $('caller-email').value.trim(),
  };
}

function callerRules() {
  return [
    [$('caller'), f.phone],
    [$('caller-name'), f.atMost(120)],
    [$('caller-email'), f.all(f.email, f.atMost(254))],
  ];
}

/** A refusal naming one of the caller's fields is shown in the caller panel. */
function refuseAcross(form, error) {
  const field = error.problem && error.problem.errors && error.problem.errors[0];
  if (field && ['caller', 'caller_name', 'caller_email'].includes(field.field)) {
    f.refuse($('caller-form'), error, 'Check the caller');
    f.say(form, 'Not saved: ' + (error.problem.detail || error.message), 'bad');
    return;
  }
  f.refuse(form, error);
}

async function screenPop(event) {
  event.preventDefault();
  const form = $('caller-form');
  const rules = [[$('caller'), f.all(f.required("The caller's number"), f.phone)], ...callerRules().slice(1)];
  if (!f.check(form, rules)) {
    return;
  }
  await f.busy(form, async () => {
    try {
      const pop = await api(base + '/contacts/screen-pop?caller=' + encodeURIComponent($('caller').value.trim()));
      f.clear(form);
      renderScreenPop(pop);
      f.say(
        form,
        pop.caller + ': ' + count(pop.open_requests.length, 'open request', 'open requests') + ', ' + count(pop.recent_contacts.length, 'recent contact', 'recent contacts') + '.',
        'ok',
      );
    } catch (e) {
      f.refuse(form, e, 'Not found');
    }
  });
}

function renderScreenPop(pop) {
  $('pop-requests').replaceChildren(
    ...(pop.open_requests.length
      ? pop.open_requests.map((r) =>
          el(
            'li',
            {},
            el('button', { type: 'button', class: 'link', text: short(r.id) + ' · ' + r.service_name, onclick: () => openRequest(r.id) }),
            el('span', { class: 'muted', text: ' ' + (STATUS_NAMES[r.status] || r.status) + (r.address ? ' · ' + r.address : '') + ' · ' + when(r.requested_datetime) }),
          ),
        )
      : [el('li', { class: 'muted', text: 'No open requests.' })]),
  );
  $('pop-contacts').replaceChildren(
    ...(pop.recent_contacts.length
      ? pop.recent_contacts.map((c) =>
          el(
            'li',
            {},
            el('strong', { text: c.topic || (c.request_id ? 'Request ' + short(c.request_id) : c.channel) }),
            el('span', { class: 'muted', text: ' · ' + c.channel + ' · ' + when(c.at) + ' · ' + c.agent + (c.minutes != null ? ' · ' + c.minutes + ' min' : '') }),
            c.notes ? el('div', { text: c.notes }) : null,
          ),
        )
      : [el('li', { class: 'muted', text: 'No contacts yet.' })]),
  );
  $('screen-pop').hidden = false;
}

async function refreshScreenPop() {
  const number = $('caller').value.trim();
  if (number && !f.phone(number)) {
    try {
      renderScreenPop(await api(base + '/contacts/screen-pop?caller=' + encodeURIComponent(number)));
    } catch (ignored) {
      // the caller panel says so when it is used
    }
  }
}

// ---------------------------------------------------------------------------------------------
// knowledge and the contact log

async function searchKnowledge(event) {
  event.preventDefault();
  const form = $('kb-form');
  if (!f.check(form, [[$('kb-q'), f.all(f.required('What to search for'), f.atMost(200))]])) {
    return;
  }
  await f.busy(form, async () => {
    try {
      const hits = await api(base + '/knowledge?q=' + encodeURIComponent($('kb-q').value.trim()));
      $('kb-hits').replaceChildren(
        ...hits.map((h) =>
          el(
            'li',
            {},
            el('button', { type: 'button', class: 'link', text: h.title, onclick: () => showArticle(h.slug) }),
            el('div', { class: 'muted', text: h.topic + ' · ' + h.snippet }),
          ),
        ),
      );
      f.say(form, hits.length ? count(hits.length, 'answer', 'answers') + ' found.' : 'No answer found. Try other words.', hits.length ? 'ok' : '');
    } catch (e) {
      f.refuse(form, e, 'Not searched');
    }
  });
}

async function showArticle(slug) {
  const article = await api(base + '/knowledge/' + encodeURIComponent(slug));
  $('kb-answer-topic').textContent = article.topic;
  $('kb-answer-title').textContent = article.title;
  $('kb-answer-body').replaceChildren(
    document.createTextNode(article.body),
    el('div', { class: 'actions' }, el('button', { id: 'kb-log', type: 'button', text: 'Log this answer as the contact', onclick: () => $('log-form').requestSubmit() })),
  );
  $('kb-answer').hidden = false;
  $('log-topic').value = article.topic;
  f.say($('kb-form'), 'Answer shown: ' + article.title + ' Log the contact below it.', 'ok');
  $('kb-answer-title').focus();
}

async function logContact(event) {
  event.preventDefault();
  const form = $('log-form');
  const fine =
    f.check($('caller-form'), callerRules()) &&
    f.check(form, [
      [$('log-topic'), f.all(f.required('The topic'), f.atMost(200))],
      [$('log-minutes'), f.minutes],
      [$('log-notes'), f.atMost(2000)],
    ]);
  if (!fine) {
    return;
  }
  const body = { channel: $('log-channel').value, topic: $('log-topic').value.trim() };
  Object.entries(caller()).forEach(([k, v]) => {
    if (v) {
      body[k] = v;
    }
  });
  if ($('log-minutes').value.trim() !== '') {
    body.minutes = Number($('log-minutes').value.trim());
  }
  if ($('log-notes').value.trim()) {
    body.notes = $('log-notes').value.trim();
  }
  await f.busy(form, async () => {
    try {
      const contact = await api(base + '/contacts', json(body));
      f.clear(form);
      f.clear($('caller-form'));
      f.say($('caller-form'), '');
      f.say(form, 'Contact logged: ' + contact.topic + ', ' + (contact.minutes ?? 0) + ' min.', 'ok');
      $('log-notes').value = '';
      await refreshScreenPop();
    } catch (e) {
      refuseAcross(form, e);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// a new request for the caller

function category(code) {
  return state.categories.find((c) => c.code === code);
}

function renderAttributes() {
  const c = category($('nr-category').value);
  $('nr-category-hint').textContent = c && c.description ? c.description : '';
  const box = $('nr-attribute-fields');
  const attributes = c ? c.attributes.filter((a) => a.variable !== false) : [];
  box.replaceChildren(
    ...attributes.map((a, i) => {
      const id = 'nr-attr-' + i;
      const label = el('label', { for: id, text: (a.description || a.code) + (a.required ? '' : ' (optional)') });
      let input;
      if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
        input = el('select', { id, dataset: { field: 'attribute[' + a.code + ']', code: a.code }, multiple: a.datatype === 'multivaluelist' });
        if (a.datatype === 'singlevaluelist') {
          input.append(new Option('Choose…', ''));
        }
        (a.values || []).forEach((v) => input.append(new Option(v.name, v.key)));
      } else if (a.datatype === 'text') {
        input = el('textarea', { id, rows: 2, maxlength: 2000, dataset: { field: 'attribute[' + a.code + ']', code: a.code } });
      } else {
        input = el('input', {
          id,
          type: a.datatype === 'number' ? 'number' : a.datatype === 'datetime' ? 'datetime-local' : 'text',
          maxlength: 500,
          dataset: { field: 'attribute[' + a.code + ']', code: a.code },
        });
      }
      if (a.required) {
        input.dataset.required = 'true';
      }
      input.dataset.datatype = a.datatype;
      const hint = a.datatype_description ? el('p', { class: 'hint', text: a.datatype_description }) : null;
      return el('div', { class: 'field' }, label, input, hint, el('p', { class: 'error', id: id + '-error' }));
    }),
  );
  $('nr-attributes').hidden = attributes.length === 0;
}

function answers() {
  const out = {};
  $('nr-attribute-fields')
    .querySelectorAll('[data-code]')
    .forEach((input) => {
      if (input.multiple) {
        const chosen = [...input.selectedOptions].map((o) => o.value);
        if (chosen.length) {
          out[input.dataset.code] = chosen;
        }
      } else if (input.value.trim() !== '') {
        out[input.dataset.code] = input.value.trim();
      }
    });
  return out;
}

async function fileRequest(event) {
  event.preventDefault();
  const form = $('new-request-form');
  const rules = [
    [$('nr-category'), f.required('The category')],
    [$('nr-description'), f.all(f.required('The description'), f.atMost(4000))],
    [$('nr-address'), f.all(f.required('The address'), f.atMost(500))],
    [$('nr-minutes'), f.minutes],
    [$('nr-subscribe'), (on) => (on && !$('caller-email').value.trim() ? "Type the caller's e-mail in the caller panel first." : null)],
  ];
  $('nr-attribute-fields')
    .querySelectorAll('[data-code]')
    .forEach((input) => {
      rules.push([
        input,
        (v) => {
          const empty = input.multiple ? input.selectedOptions.length === 0 : v === '';
          if (input.dataset.required === 'true' && empty) {
            return 'An answer is required.';
          }
          if (input.dataset.datatype === 'number' && v !== '' && Number.isNaN(Number(v))) {
            return 'A number.';
          }
          return null;
        },
      ]);
    });
  if (!(f.check($('caller-form'), callerRules()) && f.check(form, rules))) {
    return;
  }
  const who = caller();
  const body = {
    service_code: $('nr-category').value,
    description: $('nr-description').value.trim(),
    address_string: $('nr-address').value.trim(),
    channel: $('nr-channel').value,
    subscribe: $('nr-subscribe').checked,
  };
  if (who.caller_email) {
    body.email = who.caller_email;
  }
  if (who.caller_name) {
    body.name = who.caller_name;
  }
  const given = answers();
  if (Object.keys(given).length) {
    body.attributes = given;
  }
  if (!$('nr-duplicate-field').hidden && $('nr-acknowledge').checked) {
    body.acknowledge_duplicate = true;
  }
  await f.busy(form, async () => {
    let created;
    try {
      created = await api(base + '/service-requests', json(body));
    } catch (e) {
      if (e.status === 409) {
        f.clear(form);
        $('nr-duplicate-field').hidden = false;
        f.say(form, 'Not filed: ' + (e.problem ? e.problem.detail : e.message), 'bad');
        $('nr-acknowledge').focus();
        return;
      }
      f.refuse(form, e, 'Not filed');
      if (e.problem && e.problem.errors && e.problem.errors[0] && e.problem.errors[0].field === 'email') {
        f.mark($('caller-form'), $('caller-email'), e.problem.errors[0].message);
      }
      return;
    }
    f.clear(form);
    // the call that filed it, so the caller's next screen pop shows the request
    const contact = { channel: body.channel, request_id: created.service_request_id };
    Object.entries(who).forEach(([k, v]) => {
      if (v) {
        contact[k] = v;
      }
    });
    if ($('nr-minutes').value.trim() !== '') {
      contact.minutes = Number($('nr-minutes').value.trim());
    }
    let logged = '';
    try {
      await api(base + '/contacts', json(contact));
      logged = ' The call is logged with it.';
    } catch (e) {
      logged = ' The call could not be logged: ' + e.message;
    }
    f.say(
      form,
      'Request ' + short(created.service_request_id) + ' filed (' + created.service_name + ', ' + created.channel + ').' +
        (body.subscribe ? ' The caller gets e-mail updates.' : '') + logged,
      'ok',
    );
    form.dataset.created = created.service_request_id;
    $('nr-description').value = '';
    $('nr-address').value = '';
    $('nr-minutes').value = '';
    $('nr-subscribe').checked = false;
    $('nr-acknowledge').checked = false;
    $('nr-duplicate-field').hidden = true;
    renderAttributes();
    await refreshScreenPop();
  });
}

// ---------------------------------------------------------------------------------------------
// finding requests

function searchParameters() {
  const p = new URLSearchParams();
  const fields = { number: 's-number', q: 's-q', stage: 's-stage', status: 's-status', category: 's-category', department: 's-department', from: 's-from', to: 's-to', assigned: 's-assigned' };
  for (const [name, id] of Object.entries(fields)) {
    const v = $(id).value.trim();
    if (v) {
      p.set(name, v);
    }
  }
  return p;
}

async function search(event) {
  if (event) {
    event.preventDefault();
  }
  const form = $('search-form');
  const fine = f.check(form, [
    [$('s-number'), f.number],
    [$('s-q'), f.atMost(200)],
    [$('s-to'), (v) => (v && $('s-from').value && v < $('s-from').value ? 'The last day is before the first.' : null)],
  ]);
  if (!fine) {
    return;
  }
  state.query = searchParameters();
  state.page = 1;
  await runSearch();
}

let searchAsked = 0; // only the newest answer is drawn

async function runSearch() {
  const form = $('search-form');
  const p = new URLSearchParams(state.query);
  p.set('page', String(state.page));
  p.set('page_size', '20');
  const asked = ++searchAsked;
  await f.busy(form, async () => {
    try {
      const found = await api(base + '/service-requests/search?' + p.toString());
      if (asked !== searchAsked) {
        return;
      }
      f.clear(form);
      renderResults(found);
      f.say(form, found.requests.length ? 'Page ' + found.page + ': ' + count(found.requests.length, 'request', 'requests') + (found.more ? ', more on the next page.' : '.') : 'No request matches.', 'ok');
    } catch (e) {
      f.refuse(form, e, 'Not searched');
    }
  });
}

function renderResults(found) {
  const body = $('results').querySelector('tbody');
  body.replaceChildren(
    ...found.requests.map((r) =>
      el(
        'tr',
        {},
        el('td', { 'data-label': 'Number' }, el('button', { type: 'button', class: 'link', text: short(r.service_request_id), 'aria-label': 'Open request ' + short(r.service_request_id), onclick: () => openRequest(r.service_request_id) })),
        el('td', { 'data-label': 'Category', text: r.service_name }),
        el('td', { 'data-label': 'Status', text: STATUS_NAMES[r.status] || r.status }),
        el('td', { 'data-label': 'Where', text: where(r) }),
        el('td', { 'data-label': 'Received', text: when(r.requested_datetime) }),
        el('td', { 'data-label': 'Assigned', text: r.assigned_to || '—' }),
      ),
    ),
  );
  $('results-caption').textContent = 'Newest first, page ' + found.page;
  $('results').hidden = found.requests.length === 0;
  $('pager').hidden = !(found.more || found.page > 1);
  $('page-previous').disabled = found.page <= 1;
  $('page-next').disabled = !found.more;
}

/** The one request whose number is `text` (whole, or a prefix of 8 or more); an error otherwise. */
async function resolveNumber(text) {
  const found = await api(base + '/service-requests/search?page_size=2&number=' + encodeURIComponent(text));
  if (found.requests.length === 0) {
    throw new Error('No request of this city has the number ' + text + '.');
  }
  if (found.requests.length > 1) {
    throw new Error('Several requests start with ' + text + '; type more of the number.');
  }
  return found.requests[0];
}

// ---------------------------------------------------------------------------------------------
// one request: history, status, assignment, duplicate and merge

async function openRequest(id) {
  show('requests', false);
  const r = await resolveNumber(id);
  await renderDetail(r);
  $('detail-title').focus();
}

async function renderDetail(r) {
  if (!state.detail || state.detail.service_request_id !== r.service_request_id) {
    // another request: what was typed for the previous one does not carry over
    for (const id of ['status-form', 'assign-form', 'merge-form']) {
      $(id).reset();
      f.clear($(id));
      f.say($(id), '');
    }
  }
  state.detail = r;
  $('detail').hidden = false;
  $('detail-title').textContent = 'Request ' + short(r.service_request_id) + ' · ' + r.service_name;
  const facts = [
    ['Number', r.service_request_id],
    ['Status', STATUS_NAMES[r.status] || r.status],
    ['Channel', r.channel],
    ['Department', r.agency_responsible || r.department || 'None'],
    ['Assigned to', r.assigned_to || 'No one'],
    ['Address', r.address || ''],
    ['Description', r.description || ''],
    ['Received', when(r.requested_datetime)],
    ['Expected', when(r.expected_datetime)],
    ['Duplicate of', r.parent_service_request_id ? r.parent_service_request_id + (r.merged_datetime ? ' (merged ' + when(r.merged_datetime) + ')' : '') : ''],
  ].filter(([, v]) => v);
  // who reported it: staff only, never in the public views
  const reporter = await api(base + '/service-requests/' + r.service_request_id + '/reporter');
  const by = [reporter.name, reporter.email].filter(Boolean).join(' · ');
  facts.push(['Reported by', (by || 'Anonymous') + (reporter.signed_in ? ' (signed in)' : '')]);
  $('detail-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  options(
    $('st-status'),
    STATUSES,
    r.status === 'duplicate' ? 'reopened' : r.status,
  );
  const history = await api(base + '/service-requests/' + r.service_request_id + '/history');
  $('detail-history').replaceChildren(
    ...history.map((h) =>
      el(
        'li',
        {},
        el('time', { datetime: h.at, text: when(h.at) }),
        el('p', {}, el('strong', { text: STATUS_NAMES[h.status] || h.status }), document.createTextNode(' · ' + h.actor)),
        h.public_note ? el('p', { text: h.public_note }) : null,
        h.internal_note ? el('p', { class: 'internal', text: 'Internal: ' + h.internal_note }) : null,
      ),
    ),
  );
  let members = [];
  if (r.department) {
    try {
      const queue = await api(base + '/department-queue?department=' + encodeURIComponent(r.department) + '&assigned=none');
      members = (queue.departments[0] && queue.departments[0].members) || [];
    } catch (ignored) {
      // another department's staff: they cannot assign it anyway
    }
  }
  const choices = [['', 'No one'], ...members.map((m) => [m, m])];
  if (r.assigned_to && !members.includes(r.assigned_to)) {
    choices.push([r.assigned_to, r.assigned_to]);
  }
  options($('as-assignee'), choices, r.assigned_to || '');
  $('merge-form').hidden = state.departmentOnly;
}

async function reloadDetail() {
  const r = await resolveNumber(state.detail.service_request_id);
  await renderDetail(r);
  if (state.query && !$('results').hidden) {
    runSearch(); // the list shows the request's new status and assignee too
  }
}

async function changeStatus(event) {
  event.preventDefault();
  const form = $('status-form');
  const fine = f.check(form, [
    [$('st-status'), f.required('The status')],
    [$('st-public'), f.atMost(4000)],
    [$('st-internal'), f.atMost(4000)],
  ]);
  if (!fine) {
    return;
  }
  const body = { status: $('st-status').value };
  if ($('st-public').value.trim()) {
    body.public_note = $('st-public').value.trim();
  }
  if ($('st-internal').value.trim()) {
    body.internal_note = $('st-internal').value.trim();
  }
  await f.busy(form, async () => {
    try {
      const r = await api(base + '/service-requests/' + state.detail.service_request_id + '/status', json(body));
      $('st-public').value = '';
      $('st-internal').value = '';
      await reloadDetail();
      f.say(form, 'Saved: the request is ' + (STATUS_NAMES[r.status] || r.status) + '.', 'ok');
    } catch (e) {
      f.refuse(form, e);
    }
  });
}

async function assign(assignee) {
  const form = $('assign-form');
  await f.busy(form, async () => {
    try {
      const r = await api(
        base + '/service-requests/' + state.detail.service_request_id + '/assignment',
        json({ assignee: assignee === '' ? null : assignee }),
      );
      await reloadDetail();
      f.clear(form);
      f.say(form, r.assigned_to ? 'Assigned to ' + r.assigned_to + '.' : 'Assigned to no one.', 'ok');
    } catch (e) {
      f.refuse(form, e);
    }
  });
}

async function duplicateOrMerge(event) {
  event.preventDefault();
  const form = $('merge-form');
  const merge = !event.submitter || event.submitter.value === 'merge';
  const fine = f.check(form, [
    [$('mg-parent'), f.all(f.required('The number of the earlier request'), f.number)],
    [$('mg-public'), f.atMost(4000)],
    [$('mg-internal'), f.atMost(2000)],
  ]);
  if (!fine) {
    return;
  }
  await f.busy(form, async () => {
    let parent;
    try {
      parent = await resolveNumber($('mg-parent').value.trim());
    } catch (e) {
      f.mark(form, $('mg-parent'), e.message).focus();
      f.say(form, 'Not saved: ' + e.message, 'bad');
      return;
    }
    const body = { parent_service_request_id: parent.service_request_id };
    if ($('mg-public').value.trim()) {
      body.public_note = $('mg-public').value.trim();
    }
    if (merge && $('mg-internal').value.trim()) {
      body.internal_note = $('mg-internal').value.trim();
    }
    try {
      await api(base + '/service-requests/' + state.detail.service_request_id + (merge ? '/merge' : '/duplicate-of'), json(body));
      f.clear(form);
      $('mg-public').value = '';
      $('mg-internal').value = '';
      await reloadDetail();
      f.say(form, (merge ? 'Merged into ' : 'Marked as a duplicate of ') + short(parent.service_request_id) + '.', 'ok');
    } catch (e) {
      f.refuse(form, e);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// the department queue

let queueReady = false;
let queueAsked = 0; // only the newest answer is drawn: an older one may arrive after it

async function loadQueue(event) {
  if (event) {
    event.preventDefault();
  }
  const form = $('queue-form');
  const p = new URLSearchParams();
  if ($('q-department').value) {
    p.set('department', $('q-department').value);
  }
  p.set('assigned', $('q-assigned').value);
  if ($('q-q').value.trim()) {
    p.set('q', $('q-q').value.trim());
  }
  if (!state.departmentOnly && !$('q-department').value) {
    f.say(form, 'Choose a department.', '');
    return;
  }
  const asked = ++queueAsked;
  try {
    const queue = await api(base + '/department-queue?' + p.toString());
    if (asked !== queueAsked) {
      return;
    }
    f.clear(form);
    if (!queueReady && state.departmentOnly) {
      options(
        $('q-department'),
        [['', queue.departments.length > 1 ? 'All my departments' : 'My department'], ...queue.departments.map((d) => [d.code, d.name])],
        '',
      );
      queueReady = true;
    }
    renderQueue(queue);
    f.say(
      form,
      queue.departments.length === 0
        ? 'You are not a member of any department of this city yet: ask the city administrator.'
        : count(queue.requests.length, 'open request', 'open requests') + ' in ' + queue.departments.map((d) => d.name).join(', ') + '.',
      queue.departments.length ? 'ok' : 'bad',
    );
  } catch (e) {
    f.refuse(form, e, 'Not shown');
  }
}

function renderQueue(queue) {
  const me = state.me.username;
  $('queue-list').replaceChildren(
    ...queue.requests.map((r) => {
      const id = r.service_request_id;
      const resolveId = 'resolve-' + short(id);
      const resolveForm = el(
        'form',
        { id: resolveId, novalidate: true, hidden: true, 'aria-label': 'Resolve request ' + short(id) },
        el(
          'div',
          { class: 'field' },
          el('label', { for: resolveId + '-note', text: 'Public note (the resident sees it)' }),
          el('textarea', { id: resolveId + '-note', rows: 2, maxlength: 4000, dataset: { field: 'public_note' } }),
          el('p', { class: 'error', id: resolveId + '-note-error' }),
        ),
        el(
          'div',
          { class: 'field' },
          el('label', { for: resolveId + '-internal', text: 'Internal note (staff only)' }),
          el('textarea', { id: resolveId + '-internal', rows: 2, maxlength: 4000, dataset: { field: 'internal_note' } }),
          el('p', { class: 'error', id: resolveId + '-internal-error' }),
        ),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Resolve' })),
        el('p', { class: 'form-status', id: resolveId + '-status', role: 'status' }),
      );
      resolveForm.addEventListener('submit', (event) => resolve(event, resolveForm, id));
      const card = el(
        'li',
        { dataset: { id } },
        el('h3', {}, el('button', { type: 'button', class: 'link', text: short(id) + ' · ' + r.service_name, onclick: () => openRequest(id) })),
        el('p', { text: where(r) }),
        el('p', { class: 'muted', text: (STATUS_NAMES[r.status] || r.status) + ' · received ' + when(r.requested_datetime) + (r.expected_datetime ? ' · due ' + when(r.expected_datetime) : '') }),
        el('p', { class: 'assignee', text: r.assigned_to ? 'Assigned to ' + r.assigned_to : 'Not assigned' }),
        el(
          'div',
          { class: 'actions' },
          r.assigned_to === me ? null : el('button', { type: 'button', class: 'secondary', text: 'Assign to me', 'aria-label': 'Assign request ' + short(id) + ' to me', onclick: () => queueAction(id, 'assignment', { assignee: 'me' }, 'Assigned to you.') }),
          r.status === 'in_progress' ? null : el('button', { type: 'button', class: 'secondary', text: 'Start', 'aria-label': 'Start work on request ' + short(id), onclick: () => queueAction(id, 'status', { status: 'in_progress' }, 'Work started.') }),
          el('button', {
            type: 'button',
            text: 'Resolve…',
            'aria-expanded': 'false',
            'aria-controls': resolveId,
            'aria-label': 'Resolve request ' + short(id),
            onclick: (e) => {
              resolveForm.hidden = !resolveForm.hidden;
              e.target.setAttribute('aria-expanded', String(!resolveForm.hidden));
              if (!resolveForm.hidden) {
                resolveForm.querySelector('textarea').focus();
              }
            },
          }),
        ),
        resolveForm,
      );
      return card;
    }),
  );
}

async function queueAction(id, path, body, done) {
  const form = $('queue-form');
  try {
    await api(base + '/service-requests/' + id + '/' + path, json(body));
    await loadQueue();
    f.say(form, 'Request ' + short(id) + ': ' + done, 'ok');
  } catch (e) {
    f.say(form, 'Request ' + short(id) + ' not changed: ' + (e.problem ? e.problem.detail : e.message), 'bad');
  }
}

async function resolve(event, form, id) {
  event.preventDefault();
  const note = form.querySelector('[data-field="public_note"]');
  const internal = form.querySelector('[data-field="internal_note"]');
  if (!f.check(form, [[note, f.all(f.required('A note for the resident'), f.atMost(4000))], [internal, f.atMost(4000)]])) {
    return;
  }
  const body = { status: 'resolved', public_note: note.value.trim() };
  if (internal.value.trim()) {
    body.internal_note = internal.value.trim();
  }
  await f.busy(form, async () => {
    try {
      await api(base + '/service-requests/' + id + '/status', json(body));
      await loadQueue();
      f.say($('queue-form'), 'Request ' + short(id) + ' resolved.', 'ok');
      $('queue-title').focus();
    } catch (e) {
      f.refuse(form, e);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// start

async function showCity() {
  const profile = await api(base);
  state.timeZone = profile.time_zone;
  $('city-name').textContent = profile.name + ' · agent console';
  document.title = profile.name + ' · Agent console · Civic311';
}

function showSwitcher(me) {
  if (me.cities.length < 2) {
    return;
  }
  const select = $('city-select');
  select.replaceChildren(...me.cities.map((c) => new Option(c.name, c.slug, false, c.slug === city)));
  select.addEventListener('change', () => {
    window.location.assign('/c/' + encodeURIComponent(select.value) + '/agent/' + window.location.hash);
  });
  $('city-switch').hidden = false;
}

async function loadCatalogue() {
  const catalogue = await api(base + '/staff/service-categories');
  state.categories = catalogue.categories;
  state.departments = catalogue.departments;
  options($('nr-category'), [['', 'Choose a category…'], ...catalogue.categories.map((c) => [c.code, c.name + (c.staff_only ? ' (staff only)' : '')])], '');
  options($('s-category'), [['', 'Any'], ...catalogue.categories.map((c) => [c.code, c.name])], '');
  options($('s-department'), [['', 'Any'], ...catalogue.departments.map((d) => [d.code, d.name])], '');
  options($('s-status'), [['', 'Any'], ...STATUSES, ['duplicate', 'Duplicate']], '');
  if (!state.departmentOnly) {
    options($('q-department'), [['', 'Choose a department…'], ...catalogue.departments.map((d) => [d.code, d.name])], '');
  }
}

function wire() {
  $('caller-form').addEventListener('submit', screenPop);
  $('kb-form').addEventListener('submit', searchKnowledge);
  $('log-form').addEventListener('submit', logContact);
  $('new-request-form').addEventListener('submit', fileRequest);
  $('nr-category').addEventListener('change', renderAttributes);
  $('search-form').addEventListener('submit', search);
  $('search-form').addEventListener('reset', () => {
    f.clear($('search-form'));
    f.say($('search-form'), '');
  });
  $('page-previous').addEventListener('click', () => {
    state.page = Math.max(1, state.page - 1);
    runSearch();
  });
  $('page-next').addEventListener('click', () => {
    state.page += 1;
    runSearch();
  });
  $('status-form').addEventListener('submit', changeStatus);
  $('assign-form').addEventListener('submit', (e) => {
    e.preventDefault();
    assign($('as-assignee').value);
  });
  $('as-me').addEventListener('click', () => assign('me'));
  $('merge-form').addEventListener('submit', duplicateOrMerge);
  $('queue-form').addEventListener('submit', loadQueue);
  window.addEventListener('hashchange', () => show(window.location.hash.slice(1)));
}

async function main() {
  $('sign-in').addEventListener('click', () => signIn());
  $('sign-out').addEventListener('click', () => signOut());
  await showCity();
  let signedIn = false;
  try {
    signedIn = await start();
  } catch (e) {
    say('The sign-in service cannot be reached. Try again in a moment.');
    $('sign-in').hidden = false;
    return;
  }
  if (!signedIn) {
    say('You are signed out. Sign in with your city account to work.');
    $('sign-in').hidden = false;
    return;
  }
  $('sign-out').hidden = false;
  const me = await api('/api/v1/me');
  state.me = me;
  $('who').textContent = 'Signed in as ' + me.username;
  showSwitcher(me);
  if (!me.cities.some((c) => c.slug === city)) {
    say('Your account does not act for this city. Choose one of your cities, or sign out.');
    return;
  }
  const staffRoles = ['agent', 'department-staff', 'city-admin'];
  if (!me.roles.some((r) => staffRoles.includes(r))) {
    say('Your account is not one of the city\'s staff.');
    return;
  }
  state.departmentOnly = me.roles.includes('department-staff') && !me.roles.includes('agent') && !me.roles.includes('city-admin');
  document.querySelector('a[data-section="call"]').parentElement.hidden = state.departmentOnly;
  wire();
  await loadCatalogue();
  renderAttributes();
  $('work').hidden = false;
  $('work').dataset.ready = 'true';
  say('Ready. ' + (state.departmentOnly ? 'Your department queue is below.' : 'Type the caller\'s number to start a call.'));
  // the fragment survives the sign-in round trip (Keycloak's parameters come in the query)
  const hash = window.location.hash.slice(1);
  show(SECTIONS.includes(hash) ? hash : '', false);
}

main().catch((e) => say('Something went wrong: ' + e.message));
