// Department integrations: how each department's own system is reached (a signed webhook), how the
// deliveries are going (health, a paused circuit breaker to resume), and the changes a department
// refused or that failed too often (dead letters), to replay once fixed or to discard.
import { api } from '/assets/shared/auth.js';
import { cell, clearProblems, field, formLines, h, optional, save, when } from './ui.js';

let ctx;
let ui;
let departments = [];

const STATES = {
  ok: 'Delivering',
  failing: 'Failing',
  paused: 'Paused',
  idle: 'Nothing sent yet',
  disabled: 'Switched off',
};

function say(text) {
  ui.status.textContent = text;
}

/** A random signing secret, as `openssl rand -hex 32` would make. */
function randomSecret() {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The integration as its PUT sends it: secrets left blank are kept by the server. */
/** `pothole=POTHOLE` lines as the service_codes object (blank lines left out). */
function serviceCodes(text) {
  const codes = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      continue;
    }
    const at = trimmed.indexOf('=');
    codes[(at < 0 ? trimmed : trimmed.slice(0, at)).trim()] = at < 0 ? '' : trimmed.slice(at + 1).trim();
  }
  return codes;
}

function payload(form) {
  const kind = form.elements.kind.value;
  const body = {
    kind,
    url: form.elements.url.value.trim(),
    enabled: form.elements.enabled.checked,
  };
  const secret = optional(form.elements.signing_secret.value);
  if (secret) {
    body.signing_secret = secret;
  }
  if (kind === 'open311') {
    body.jurisdiction_id = optional(form.elements.jurisdiction_id.value);
    body.service_codes = serviceCodes(form.elements.service_codes.value);
    if (optional(form.elements.api_key.value)) {
      body.api_key = form.elements.api_key.value;
    }
    return body;
  }
  if (kind === 'sftp') {
    body.username = form.elements.username.value.trim();
    body.host_key_fingerprint = form.elements.host_key_fingerprint.value.trim();
    body.format = form.elements.format.value;
    if (optional(form.elements.private_key.value)) {
      body.private_key = form.elements.private_key.value;
    } else if (optional(form.elements.password.value)) {
      body.password = form.elements.password.value;
    }
    return body;
  }
  const auth = kind === 'email' ? 'none' : form.elements.auth.value;
  body.auth = auth;
  if (auth === 'bearer' && optional(form.elements.token.value)) {
    body.token = form.elements.token.value;
  }
  if (auth === 'basic' && (optional(form.elements.username.value) || optional(form.elements.password.value))) {
    body.username = form.elements.username.value;
    body.password = form.elements.password.value;
  }
  if (auth === 'oauth2' && (optional(form.elements.token_url.value) || optional(form.elements.client_id.value) || optional(form.elements.client_secret.value))) {
    body.token_url = form.elements.token_url.value.trim();
    body.client_id = form.elements.client_id.value.trim();
    body.client_secret = form.elements.client_secret.value;
    body.scope = optional(form.elements.scope.value);
  }
  return body;
}

const URLS = {
  webhook: ['Webhook URL', 'url', 'an http or https address', 'https://works.city.example.org/civic311', 'Every change of the department’s requests is POSTed here as signed JSON.'],
  email: ['Mailbox', 'text', 'mailto: and one e-mail address', 'mailto:roads@city.example.org', 'Every change of the department’s requests is mailed here, through the city’s mail server.'],
  open311: ['Open311 server (GeoReport v2 base URL)', 'url', 'an http or https address', 'https://311.example.org/open311/v2', 'Each request is filed there once; the server’s updates are polled back every minute.'],
  sftp: ['SFTP server and directory', 'text', 'sftp://host[:port]/directory', 'sftp://files.example.org/civic311', 'Each change is dropped there as one file named by its idempotency key.'],
};

function showAuthFields(form) {
  const kind = form.elements.kind.value;
  const plain = kind === 'email' || kind === 'open311' || kind === 'sftp';
  const auth = form.elements.auth.value;
  ui.auth.hidden = plain;
  ui.token.hidden = plain || auth !== 'bearer';
  ui.username.hidden = kind !== 'sftp' && (plain || auth !== 'basic');
  ui.password.hidden = kind !== 'sftp' && (plain || auth !== 'basic');
  for (const f of ui.oauth2) {
    f.hidden = plain || auth !== 'oauth2';
  }
  for (const f of ui.open311) {
    f.hidden = kind !== 'open311';
  }
  for (const f of ui.sftp) {
    f.hidden = kind !== 'sftp';
  }
  const [label, type, format, placeholder, hint] = URLS[kind] || URLS.webhook;
  const url = form.elements.url;
  url.type = type;
  url.dataset.format = format;
  url.placeholder = placeholder;
  ui.urlLabel.textContent = label;
  ui.urlHint.textContent = hint;
}

/** Shows the department's integration; `saved` keeps the form's "Saved" status line. */
async function loadIntegration(department, saved = false) {
  const form = ui.form;
  if (!saved) {
    clearProblems(form);
  }
  for (const name of ['token', 'username', 'password', 'signing_secret', 'token_url', 'client_id', 'client_secret', 'scope', 'jurisdiction_id', 'api_key', 'service_codes', 'private_key', 'host_key_fingerprint']) {
    form.elements[name].value = '';
  }
  let current = null;
  try {
    current = await api(ctx.base + '/admin/departments/' + encodeURIComponent(department) + '/integration');
  } catch (e) {
    if (e.status !== 404) {
      throw e;
    }
  }
  form.elements.kind.value = current?.kind || 'webhook';
  form.elements.url.value = current?.url || '';
  form.elements.auth.value = current?.auth || 'none';
  form.elements.enabled.checked = current ? current.enabled : true;
  form.elements.jurisdiction_id.value = current?.jurisdiction_id || '';
  form.elements.service_codes.value = Object.entries(current?.service_codes || {})
    .map(([ours, theirs]) => ours + '=' + theirs)
    .join('\n');
  form.elements.username.value = current?.username || '';
  form.elements.host_key_fingerprint.value = current?.host_key_fingerprint || '';
  form.elements.format.value = current?.format || 'json';
  ui.secretHint.textContent = current?.signing_secret_set
    ? 'Set. Leave empty to keep it; type or generate a new one to replace it (then give it to the department).'
    : 'Required: 16 characters or more, shared with the department’s system. Use “Generate”.';
  ui.credentialsHint.textContent = current?.credentials_set ? 'Credentials are set; leave them empty to keep them.' : '';
  ui.back.textContent = current ? 'Status updates come back to ' + window.location.origin + current.status_updates_path : '';
  ui.editing.textContent = current
    ? 'Version ' + current.version + ', saved by ' + current.updated_by + ' on ' + when(current.updated_at, ctx.profile.time_zone) + '.'
    : 'This department has no integration yet.';
  showAuthFields(form);
}

function integrationForm() {
  const form = h('form', { id: 'integration-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const department = field({ label: 'Department', type: 'select', options: departments.map((d) => [d.code, d.name + ' (' + d.code + ')']) });
  department.control.id = 'integration-department';
  const kind = field({ label: 'Kind of system', field: 'kind', name: 'kind', type: 'select', options: [['webhook', 'Its own system (webhook)'], ['email', 'A shared mailbox (e-mail)'], ['open311', 'Another Open311 server'], ['sftp', 'Files on an SFTP server']] });
  const url = field({ label: 'Webhook URL', field: 'url', name: 'url', type: 'url', required: true, maxlength: 2000, wide: true, format: 'an http or https address', hint: 'Every change of the department’s requests is POSTed here as signed JSON.', autocomplete: 'off' });
  ui.urlLabel = url.querySelector('label');
  ui.urlHint = url.querySelector('.hint');
  const auth = field({ label: 'Authentication', field: 'auth', name: 'auth', type: 'select', options: [['none', 'Signature only'], ['bearer', 'Bearer token'], ['basic', 'User name and password'], ['oauth2', 'OAuth 2.0 client credentials']] });
  ui.oauth2 = [
    field({ label: 'Token endpoint', field: 'token_url', name: 'token_url', type: 'url', maxlength: 2000, wide: true, format: 'an http or https address', autocomplete: 'off' }),
    field({ label: 'Client id', field: 'client_id', name: 'client_id', autocomplete: 'off' }),
    field({ label: 'Client secret', field: 'client_secret', name: 'client_secret', type: 'password', autocomplete: 'new-password' }),
    field({ label: 'Scope (optional)', field: 'scope', name: 'scope', autocomplete: 'off' }),
  ];
  ui.auth = auth;
  ui.open311 = [
    field({ label: 'Jurisdiction id (if the server needs one)', field: 'jurisdiction_id', name: 'jurisdiction_id', maxlength: 200, autocomplete: 'off' }),
    field({ label: 'API key', field: 'api_key', name: 'api_key', type: 'password', autocomplete: 'off' }),
    field({ label: 'Service codes (ours=theirs, one a line)', field: 'service_codes', name: 'service_codes', type: 'textarea', rows: 4, wide: true, spellcheck: 'false', placeholder: 'pothole=POTHOLE' }),
  ];
  ui.sftp = [
    field({ label: 'Host key fingerprint', field: 'host_key_fingerprint', name: 'host_key_fingerprint', wide: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'SHA256:…', format: 'SHA256: and 43 base64 characters', hint: 'As ssh-keygen -lf prints it; a server showing another key is refused.' }),
    field({ label: 'Private key (instead of a password)', field: 'private_key', name: 'private_key', type: 'textarea', rows: 3, wide: true, spellcheck: 'false', autocomplete: 'off' }),
    field({ label: 'File format', field: 'format', name: 'format', type: 'select', options: [['json', 'JSON'], ['csv', 'CSV']] }),
  ];
  ui.token = field({ label: 'Token', field: 'token', name: 'token', type: 'password', autocomplete: 'off' });
  ui.username = field({ label: 'User name', field: 'username', name: 'username', autocomplete: 'off' });
  ui.password = field({ label: 'Password', field: 'password', name: 'password', type: 'password', autocomplete: 'new-password' });
  const secret = field({ label: 'Signing secret', field: 'signing_secret', name: 'signing_secret', type: 'text', autocomplete: 'off', spellcheck: 'false', wide: true, minlength: 16, maxlength: 4000, format: '16 characters or more', hint: 'Shared with the department’s system.' });
  ui.secretHint = secret.querySelector('.hint');
  const generate = h('button', { type: 'button', class: 'secondary', id: 'integration-generate', text: 'Generate' });
  generate.addEventListener('click', () => {
    form.elements.signing_secret.value = randomSecret();
    form.elements.signing_secret.select();
  });
  const enabled = field({ label: 'Send to this department', field: 'enabled', name: 'enabled', type: 'checkbox', value: true });
  ui.credentialsHint = h('p', { class: 'hint' });
  ui.back = h('p', { class: 'hint', id: 'integration-back' });
  ui.editing = h('p', { class: 'muted', id: 'integration-editing' });
  auth.control.addEventListener('change', () => showAuthFields(form));
  kind.control.addEventListener('change', () => showAuthFields(form));
  department.control.addEventListener('change', () => loadIntegration(department.control.value));
  form.append(
    formError,
    h('div', { class: 'row' }, department, kind),
    ui.editing,
    h('div', { class: 'row' }, url),
    h('div', { class: 'row' }, auth, ui.token, ui.username, ui.password),
    h('div', { class: 'row' }, ...ui.oauth2),
    h('div', { class: 'row' }, ...ui.open311),
    h('div', { class: 'row' }, ...ui.sftp),
    ui.credentialsHint,
    h('div', { class: 'row' }, secret, h('div', { class: 'field' }, generate)),
    enabled,
    ui.back,
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Save integration' })),
    formStatus,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = department.control.value;
    const saved = await save(form, () =>
      api(ctx.base + '/admin/departments/' + encodeURIComponent(code) + '/integration', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload(form)),
      }),
    );
    if (saved) {
      await loadIntegration(code, true);
      await loadHealth();
    }
  });
  form.department = department.control;
  return form;
}

async function act(button, url, done) {
  button.disabled = true;
  try {
    await api(url, { method: 'POST' });
    say(done);
    await Promise.all([loadHealth(), loadDeadLetters()]);
  } catch (e) {
    say('Not done: ' + (e.problem?.detail || e.message));
    button.disabled = false;
  }
}

async function loadHealth() {
  const health = await api(ctx.base + '/admin/integrations/health');
  const tz = ctx.profile.time_zone;
  ui.health.replaceChildren(
    ...health.map((d) => {
      const actions = [];
      if (d.state === 'paused') {
        const resume = h('button', { type: 'button', class: 'secondary', text: 'Resume now', 'data-department': d.department });
        resume.addEventListener('click', () => act(resume, ctx.base + '/admin/integrations/' + encodeURIComponent(d.department) + '/resume', 'Deliveries to ' + d.department + ' resume within seconds.'));
        actions.push(resume);
      }
      const edit = h('button', { type: 'button', class: 'secondary', text: 'Edit' });
      edit.addEventListener('click', async () => {
        ui.form.department.value = d.department;
        await loadIntegration(d.department);
        ui.form.elements.url.focus();
      });
      actions.push(edit);
      return h('tr', { 'data-department': d.department },
        cell('Department', d.department),
        cell('State', h('strong', { class: 'state-' + d.state }, STATES[d.state] || d.state),
          d.paused_until ? h('span', { class: 'note' }, ' until ' + when(d.paused_until, tz)) : null,
          d.last_error && d.state !== 'ok' ? h('p', { class: 'hint' }, d.last_error) : null),
        cell('Delivered', String(d.delivered), d.last_success_at ? h('span', { class: 'note' }, ' · last ' + when(d.last_success_at, tz)) : null),
        cell('Failed', String(d.failed) + (d.consecutive_failures > 0 ? ' (' + d.consecutive_failures + ' in a row)' : '')),
        cell('Waiting', String(d.backlog), d.oldest_pending_at ? h('span', { class: 'note' }, ' · since ' + when(d.oldest_pending_at, tz)) : null),
        cell('Dead letters', String(d.dead_letters)),
        cell('', ...actions));
    }),
  );
  ui.healthCount.textContent = health.length === 0
    ? 'No department is connected to its own system yet.'
    : health.length + (health.length === 1 ? ' department is' : ' departments are') + ' connected.';
}

async function loadDeadLetters() {
  const dead = await api(ctx.base + '/admin/integrations/dead-letters?limit=100');
  const tz = ctx.profile.time_zone;
  ui.dead.replaceChildren(
    ...dead.map((d) => {
      const replay = h('button', { type: 'button', class: 'secondary', text: 'Replay' });
      replay.addEventListener('click', () => act(replay, ctx.base + '/admin/integrations/dead-letters/' + d.id + '/replay', 'Sent again: ' + d.type + ' of request ' + d.service_request_id.slice(0, 8) + '.'));
      const discard = h('button', { type: 'button', class: 'secondary danger', text: 'Discard' });
      discard.addEventListener('click', () => {
        if (window.confirm('Discard this change? The department will never receive it.')) {
          act(discard, ctx.base + '/admin/integrations/dead-letters/' + d.id + '/discard', 'Discarded.');
        }
      });
      return h('tr', { 'data-id': d.id },
        cell('Failed', when(d.dead_at, tz)),
        cell('Request', h('code', {}, d.service_request_id.slice(0, 8)), ' · ', d.type + ' #' + d.seq),
        cell('Department', d.department || '—'),
        cell('Attempts', String(d.attempts)),
        h('td', { 'data-label': 'Reason', class: 'wide' }, h('div', {}, d.last_error || '')),
        cell('', replay, discard));
    }),
  );
  ui.deadCount.textContent = dead.length === 0
    ? 'No dead letters: every change reached its department or is on its way.'
    : dead.length + (dead.length === 1 ? ' change waits' : ' changes wait') + ' for you: fix the cause, then replay; or discard.';
}

function table(id, headings, body) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'stack', id },
      h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
      body));
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    departments = await api(ctx.base + '/admin/departments');
    section.dataset.built = 'true';
    ui = {
      status: h('p', { class: 'count', role: 'status', id: 'integrations-status' }),
      health: h('tbody'),
      healthCount: h('p', { class: 'count' }),
      dead: h('tbody'),
      deadCount: h('p', { class: 'count' }),
    };
    ui.form = integrationForm();
    section.append(
      ui.status,
      h('h3', {}, 'Health'),
      ui.healthCount,
      table('integrations-health', ['Department', 'State', 'Delivered', 'Failed', 'Waiting', 'Dead letters', 'Actions'], ui.health),
      h('h3', {}, 'Dead letters'),
      ui.deadCount,
      table('integrations-dead', ['Failed', 'Request', 'Department', 'Attempts', 'Reason', 'Actions'], ui.dead),
      h('h3', {}, 'Connect a department'),
      departments.length === 0 ? h('p', {}, 'Add a department first (Departments).') : ui.form,
    );
    if (departments.length > 0) {
      await loadIntegration(departments[0].code);
    }
  }
  await Promise.all([loadHealth(), loadDeadLetters()]);
}
