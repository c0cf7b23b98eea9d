// The report form: choose a category (by group or by searching names and keywords), answer the
// form its service definition makes, say where (on a map, or by typing an address or a place), add
// a photo and, if the resident wishes, an e-mail address. Before the report is sent, open requests
// of the same category nearby are offered with "me too". Everything is checked here first and again
// by the server; a refusal is shown next to its field and what was typed stays.
import { t, el, when, city, lang, cityApi, showError, clearErrors, problem } from './portal.js';

const LEAFLET = '/webjars/leaflet/1.9.4/dist/';
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const PHOTO_MAX = 10 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const status = $('report-status');
const form = $('report-form');
const mapConfig = document.querySelector('meta[name="civic311-map"]').dataset;

let categories = [];
let category = null; // the chosen one, with its questions
let pin = null; // { lat, long }
let photo = null; // a File
let acknowledged = false; // "report anyway" after nearby ones were shown
let map = null;
let marker = null;

function show(step) {
  for (const id of ['step-category', 'report-form', 'step-nearby', 'step-done']) {
    $(id).hidden = id !== step;
  }
  const heading = { 'step-category': 'category-title', 'report-form': 'details-title',
    'step-nearby': 'nearby-title', 'step-done': 'done-title' }[step];
  $(heading).focus();
  window.scrollTo(0, 0);
}

// ---- Step 1: the category ------------------------------------------------------------------

function fold(text) {
  return (text || '').toLocaleLowerCase(lang).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function choice(c) {
  return el('li', {}, el('button', { type: 'button', class: 'choice', 'data-code': c.code,
    onClick: () => choose(c.code) },
  el('span', { class: 'name', text: c.name }),
  c.description ? el('span', { class: 'hint', text: c.description }) : null));
}

async function loadCategories() {
  const answer = await fetch(`${cityApi}/service-categories?lang=${encodeURIComponent(lang)}`);
  if (!answer.ok) throw new Error(String(answer.status));
  categories = await answer.json();
  const groups = new Map();
  for (const c of categories) {
    for (const g of (c.groups.length ? c.groups : [t('otherGroup')])) {
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(c);
    }
  }
  const box = $('category-groups');
  box.replaceChildren();
  for (const [name, members] of groups) {
    box.append(el('details', { class: 'group' },
      el('summary', {}, el('span', { text: name }), el('span', { class: 'count', text: t('groupCount', members.length) })),
      el('ul', { class: 'choices' }, ...members.map(choice))));
  }
}

function search() {
  const q = fold($('category-search').value.trim());
  const results = $('category-results');
  const count = $('category-count');
  results.replaceChildren();
  if (!q) {
    results.hidden = true;
    $('category-groups').hidden = false;
    count.textContent = '';
    return;
  }
  const found = categories.filter((c) => [c.name, c.description, ...(c.keywords || []), ...(c.groups || [])]
    .some((text) => fold(text).includes(q)));
  results.append(...found.map(choice));
  results.hidden = found.length === 0;
  $('category-groups').hidden = true;
  count.textContent = found.length === 0 ? t('searchNone') : t('searchCount', found.length);
}

async function choose(code) {
  status.textContent = t('loadingForm');
  const answer = await fetch(`${cityApi}/service-categories/${encodeURIComponent(code)}?lang=${encodeURIComponent(lang)}`);
  if (!answer.ok) {
    status.textContent = t('categoryGone');
    return;
  }
  category = await answer.json();
  status.textContent = '';
  $('chosen-category').textContent = category.name;
  $('chosen-description').textContent = category.description || '';
  buildQuestions(category.attributes || []);
  acknowledged = false;
  show('report-form');
}

// ---- Step 2: the form ----------------------------------------------------------------------

function buildQuestions(attributes) {
  const box = $('questions');
  for (const old of box.querySelectorAll('.field')) old.remove();
  const asked = attributes.filter((a) => a.variable !== false);
  box.hidden = asked.length === 0;
  asked.forEach((a, i) => {
    const id = `q-${i}`;
    const field = `attribute[${a.code}]`;
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const required = a.required ? el('span', { class: 'req', text: t('required') }) : null;
    const hint = a.datatype_description ? el('p', { class: 'hint', id: hintId, text: a.datatype_description }) : null;
    const describedBy = [hint ? hintId : null, errorId].filter(Boolean).join(' ');
    const wrapper = el('div', { class: 'field question', 'data-code': a.code, 'data-datatype': a.datatype,
      'data-required': a.required ? 'true' : 'false' });
    if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
      const multi = a.datatype === 'multivaluelist';
      const set = el('fieldset', { id, 'data-field': field, 'aria-describedby': describedBy },
        el('legend', {}, a.description || a.code, ' ', required));
      if (hint) set.append(hint);
      (a.values || []).forEach((v, j) => {
        const optionId = `${id}-${j}`;
        set.append(el('div', { class: 'check' },
          el('input', { type: multi ? 'checkbox' : 'radio', id: optionId, name: id, value: v.key }),
          el('label', { for: optionId, text: v.name })));
      });
      wrapper.append(set, el('p', { class: 'error', id: errorId }));
    } else {
      const input = a.datatype === 'text'
        ? el('textarea', { id, rows: 3, 'data-field': field, 'aria-describedby': describedBy })
        : el('input', {
          id,
          'data-field': field,
          'aria-describedby': describedBy,
          type: a.datatype === 'datetime' ? 'datetime-local' : 'text',
          inputmode: a.datatype === 'number' ? 'decimal' : undefined,
        });
      wrapper.append(el('label', { for: id }, a.description || a.code, ' ', required));
      if (hint) wrapper.append(hint);
      wrapper.append(input, el('p', { class: 'error', id: errorId }));
    }
    box.append(wrapper);
  });
}

/** The answers, keyed by attribute code: a string, or a list for a multi-value list. */
function answers() {
  const out = {};
  for (const q of $('questions').querySelectorAll('.question')) {
    const code = q.dataset.code;
    if (q.dataset.datatype === 'multivaluelist') {
      const values = [...q.querySelectorAll('input:checked')].map((i) => i.value);
      if (values.length) out[code] = values;
    } else if (q.dataset.datatype === 'singlevaluelist') {
      const chosen = q.querySelector('input:checked');
      if (chosen) out[code] = chosen.value;
    } else {
      const value = q.querySelector('input, textarea').value.trim();
      if (value) out[code] = value;
    }
  }
  return out;
}

/** Checks what the page can; marks each problem next to its field; the first problem's element. */
function check() {
  clearErrors(form);
  const problems = [];
  const description = $('description');
  if (!description.value.trim()) problems.push([description, t('descriptionRequired')]);
  for (const q of $('questions').querySelectorAll('.question')) {
    const input = q.querySelector('fieldset, input, textarea');
    const given = answers()[q.dataset.code];
    if (q.dataset.required === 'true' && !given) problems.push([input, t('answerRequired')]);
    else if (given && q.dataset.datatype === 'number' && !/^-?\d+([.,]\d+)?$/.test(given)) {
      problems.push([input, t('answerNumber')]);
    }
  }
  if (!pin && !$('address').value.trim()) problems.push([$('address'), t('locationRequired'), 'location-error']);
  const email = $('email');
  if (email.value.trim() && !email.checkValidity()) problems.push([email, t('emailInvalid')]);
  if ($('subscribe').checked && !email.value.trim()) problems.push([email, t('subscribeNeedsEmail')]);
  if (photo && !PHOTO_TYPES.includes(photo.type)) problems.push([$('photo'), t('photoType'), 'media-error']);
  else if (photo && photo.size > PHOTO_MAX) problems.push([$('photo'), t('photoSize'), 'media-error']);
  for (const [input, message, errorId] of problems) showError(input, message, errorId || errorFor(input));
  return problems.length ? problems[0][0] : null;
}

function errorFor(input) {
  return input.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error'));
}

/** The server's refusal, next to the fields it names; the first one named gets focus. */
function showProblem(body) {
  const errors = body.errors && body.errors.length ? body.errors : [{ field: (body.detail || '').split(' ')[0], message: body.detail }];
  let first = null;
  for (const e of errors) {
    const input = fieldNamed(e.field);
    if (input) {
      const where = ['location', 'lat', 'long'].includes(e.field);
      showError(input, said(e.field, e.message || body.detail, body.status), where ? 'location-error' : errorFor(input));
      first = first || input;
    } else {
      $('form-error').textContent = t('refused', body.detail || '');
    }
  }
  status.textContent = t('notSent');
  (first || $('send')).focus();
}

/** The server's message in the page's language where the field says what it is about. */
function said(field, message, status) {
  if (['location', 'lat', 'long'].includes(field)) return t('locationRefused', message);
  if (field === 'media') return status === 413 ? t('photoSize') : t('photoType');
  if (field === 'email') return t('emailRefused', message);
  if (field && field.startsWith('attribute[')) return t('answerRefused', message);
  return t('fieldRefused', message);
}

function fieldNamed(field) {
  if (!field) return null;
  if (field === 'location' || field === 'lat' || field === 'long' || field === 'address_string') return $('address');
  if (field === 'media') return $('photo');
  return form.querySelector(`[data-field="${CSS.escape(field)}"]`);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const first = check();
  if (first) {
    status.textContent = t('notSent');
    first.focus();
    return;
  }
  if (pin && !acknowledged) {
    const nearby = await findNearby();
    if (nearby.length) {
      offer(nearby);
      return;
    }
  }
  await send();
});

async function findNearby() {
  try {
    const answer = await fetch(`${cityApi}/service-requests/nearby?service_code=${encodeURIComponent(category.code)}`
      + `&lat=${pin.lat}&long=${pin.long}`);
    return answer.ok ? await answer.json() : [];
  } catch (offline) {
    return [];
  }
}

async function send() {
  const payload = {
    service_code: category.code,
    description: $('description').value.trim(),
    address_string: $('address').value.trim() || undefined,
    lat: pin ? pin.lat : undefined,
    long: pin ? pin.long : undefined,
    name: $('name').value.trim() || undefined,
    email: $('email').value.trim() || undefined,
    subscribe: $('subscribe').checked,
    locale: lang,
    attributes: answers(),
    acknowledge_duplicate: acknowledged || undefined,
  };
  let options;
  if (photo) {
    const body = new FormData();
    body.append('request', new Blob([JSON.stringify(payload)], { type: 'application/json' }), 'request.json');
    body.append('media', photo, photo.name);
    options = { method: 'POST', body };
  } else {
    options = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) };
  }
  $('send').disabled = true;
  status.textContent = t('sending');
  let answer;
  try {
    answer = await fetch(`${cityApi}/service-requests`, options);
  } catch (offline) {
    $('send').disabled = false;
    status.textContent = t('offline');
    $('form-error').textContent = t('offline');
    return;
  }
  $('send').disabled = false;
  const body = await problem(answer);
  if (answer.status === 201) {
    done(body.service_request_id, payload.subscribe ? t('doneSubscribed', payload.email) : t('doneKeep'),
      t('doneTitle'));
  } else if (answer.status === 409) {
    const nearby = pin ? await findNearby() : [];
    offer(nearby);
  } else if (answer.status >= 400 && answer.status < 500) {
    show('report-form');
    showProblem(body);
  } else {
    status.textContent = t('tryAgain');
    $('form-error').textContent = t('tryAgain');
  }
}

// ---- "Me too" -----------------------------------------------------------------------------------

function offer(nearby) {
  const list = $('nearby-list');
  list.replaceChildren();
  clearErrors($('step-nearby'));
  $('metoo-email').value = $('metoo-email').value || $('email').value;
  for (const r of nearby) {
    list.append(el('li', { class: 'card' },
      el('p', { class: 'name', text: r.service_name }),
      r.description ? el('p', { text: r.description }) : null,
      el('p', { class: 'hint', text: t('nearbyWhere', r.distance_metres, when(r.requested_datetime), t(`stage_${r.stage}`)) }),
      r.address ? el('p', { class: 'hint', text: r.address }) : null,
      el('button', { type: 'button', class: 'metoo', 'data-id': r.service_request_id, onClick: () => meToo(r) },
        t('meToo'), el('span', { class: 'visually-hidden', text: ` ${r.service_name}, ${t('nearbyMetres', r.distance_metres)}` }))));
  }
  if (!nearby.length) list.append(el('li', { text: t('nearbyGone') }));
  show('step-nearby');
}

async function meToo(request) {
  const email = $('metoo-email');
  clearErrors($('step-nearby'));
  if (!email.value.trim() || !email.checkValidity()) {
    showError(email, t('metooNeedsEmail'));
    email.focus();
    return;
  }
  status.textContent = t('sending');
  let answer;
  try {
    answer = await fetch(`${cityApi}/service-requests/${encodeURIComponent(request.service_request_id)}/supporters`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: email.value.trim(), locale: lang }),
    });
  } catch (offline) {
    status.textContent = t('offline');
    return;
  }
  const body = await problem(answer);
  if (answer.ok) {
    done(request.service_request_id, t('metooDoneText', email.value.trim()), t('metooDoneTitle'));
  } else if (body.errors?.some((e) => e.field === 'email')) {
    showError(email, body.errors.find((e) => e.field === 'email').message);
    email.focus();
    status.textContent = t('notSent');
  } else {
    status.textContent = t('metooRefused');
  }
}

function done(id, text, title) {
  $('done-title').textContent = title;
  $('done-text').textContent = text;
  $('done-number').textContent = id;
  $('done-link').href = `/c/${encodeURIComponent(city)}/requests/${encodeURIComponent(id)}?lang=${lang}`;
  status.textContent = title;
  show('step-done');
}

// ---- The place: a map, or the keyboard ------------------------------------------------------------

function loadLeaflet() {
  if (window.L) return Promise.resolve(window.L);
  document.head.append(el('link', { rel: 'stylesheet', href: `${LEAFLET}leaflet.css` }));
  return new Promise((resolve, reject) => {
    document.head.append(el('script', { src: `${LEAFLET}leaflet.js`,
      onLoad: () => resolve(window.L), onError: reject }));
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function showMap() {
  const panel = $('map-panel');
  if (!panel.hidden) {
    panel.hidden = true;
    $('show-map').setAttribute('aria-expanded', 'false');
    $('show-map').textContent = t('mapShow');
    return;
  }
  panel.hidden = false;
  $('show-map').setAttribute('aria-expanded', 'true');
  $('show-map').textContent = t('mapHide');
  if (map) {
    map.invalidateSize();
    return;
  }
  status.textContent = t('mapLoading');
  let L;
  try {
    L = await loadLeaflet();
  } catch (failed) {
    status.textContent = t('mapFailed');
    return;
  }
  status.textContent = '';
  const [lat, long] = (mapConfig.centre || '').split(',').map(Number);
  const start = pin ? [pin.lat, pin.long] : (mapConfig.centre ? [lat, long] : [20, 0]);
  map = L.map('map', { zoomControl: false }).setView(start, pin || mapConfig.centre ? 15 : 2);
  L.control.zoom({ zoomInTitle: t('mapZoomIn'), zoomOutTitle: t('mapZoomOut') }).addTo(map);
  map.attributionControl.setPrefix(false);
  L.tileLayer(mapConfig.tiles, {
    maxZoom: 19,
    attribution: `<a href="${escapeHtml(mapConfig.attributionUrl)}">${escapeHtml(mapConfig.attribution)}</a>`,
  }).addTo(map);
  map.on('click', (e) => place(e.latlng.lat, e.latlng.lng));
  if (pin) place(pin.lat, pin.long);
}

function round(n) {
  return Math.round(n * 1e6) / 1e6;
}

function place(lat, long) {
  pin = { lat: round(lat), long: round(long) };
  acknowledged = false;
  $('pin').textContent = t('pinPlaced', pin.lat.toFixed(6), pin.long.toFixed(6));
  $('remove-pin').hidden = false;
  $('location-error').textContent = '';
  $('address').removeAttribute('aria-invalid');
  if (map && window.L) {
    if (!marker) {
      marker = window.L.marker([pin.lat, pin.long], { draggable: true, alt: t('mapPin'), title: t('mapPin') }).addTo(map);
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        place(p.lat, p.lng);
      });
    } else {
      marker.setLatLng([pin.lat, pin.long]);
    }
  }
}

function removePin() {
  pin = null;
  acknowledged = false;
  if (marker) {
    marker.remove();
    marker = null;
  }
  $('pin').textContent = t('pinRemoved');
  $('remove-pin').hidden = true;
  $('show-map').focus();
}

function locate() {
  if (!navigator.geolocation) {
    status.textContent = t('locateUnavailable');
    return;
  }
  status.textContent = t('locating');
  navigator.geolocation.getCurrentPosition((position) => {
    status.textContent = '';
    place(position.coords.latitude, position.coords.longitude);
    if (map) map.setView([pin.lat, pin.long], 17);
  }, () => {
    status.textContent = t('locateFailed');
  }, { timeout: 15000 });
}

// ---- The photo --------------------------------------------------------------------------------------

let previewUrl = null;

function photoChosen() {
  const input = $('photo');
  photo = input.files && input.files[0] ? input.files[0] : null;
  clearErrors(input.closest('fieldset'));
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  $('photo-preview').hidden = !photo;
  $('remove-photo').hidden = !photo;
  if (!photo) return;
  if (!PHOTO_TYPES.includes(photo.type)) {
    showError(input, t('photoType'), 'media-error');
  } else if (photo.size > PHOTO_MAX) {
    showError(input, t('photoSize'), 'media-error');
  }
  previewUrl = URL.createObjectURL(photo);
  $('photo-img').src = previewUrl;
  $('photo-name').textContent = t('photoChosen', photo.name, Math.ceil(photo.size / 1024));
}

function removePhoto() {
  $('photo').value = '';
  photoChosen();
  $('photo').focus();
}

// ---- Wiring -----------------------------------------------------------------------------------------

$('category-search').addEventListener('input', search);
$('change-category').addEventListener('click', () => show('step-category'));
$('show-map').addEventListener('click', showMap);
$('pin-centre').addEventListener('click', () => {
  if (map) place(map.getCenter().lat, map.getCenter().lng);
});
$('remove-pin').addEventListener('click', removePin);
$('locate').addEventListener('click', locate);
$('photo').addEventListener('change', photoChosen);
$('remove-photo').addEventListener('click', removePhoto);
$('send-anyway').addEventListener('click', async () => {
  acknowledged = true;
  show('report-form');
  await send();
});
$('back-to-form').addEventListener('click', () => show('report-form'));

status.textContent = t('loadingCategories');
loadCategories().then(() => {
  status.textContent = '';
  // words typed while the list was loading
  if ($('category-search').value.trim()) search();
  // a link may name the category: /c/{city}/report?service=pothole
  const wanted = new URLSearchParams(window.location.search).get('service');
  if (wanted && categories.some((c) => c.code === wanted)) choose(wanted);
}).catch(() => {
  status.textContent = t('categoriesFailed');
});
