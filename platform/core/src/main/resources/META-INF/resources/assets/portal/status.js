// A request's status page: the request and its public notes from the city's Open311 API, and a
// form to follow it by e-mail (a confirmation message is sent first).
import { t, el, when, STAGE, cityApi, showError, clearErrors, problem } from './portal.js';

const id = document.querySelector('meta[name="civic311-request"]').content;
const status = document.getElementById('status');

async function load() {
  const cityAnswer = await fetch(cityApi);
  if (!cityAnswer.ok) {
    status.textContent = t('statusNoCity');
    return;
  }
  const profile = await cityAnswer.json();
  const answer = await fetch(`/open311/v2/requests/${encodeURIComponent(id)}.json?extensions=true`
    + `&jurisdiction_id=${encodeURIComponent(profile.jurisdiction_id)}`);
  if (!answer.ok) {
    status.textContent = t('statusNotFound');
    return;
  }
  const request = (await answer.json())[0];
  document.getElementById('category').textContent = request.service_name || request.service_code;
  document.getElementById('address').textContent = request.address
    || (request.lat ? `${request.lat}, ${request.long}` : '—');
  document.getElementById('requested').textContent = when(request.requested_datetime);
  document.getElementById('expected').textContent = when(request.expected_datetime);
  const stage = STAGE[request.extended_attributes?.detailed_status] || 'received';
  let reached = true;
  for (const li of document.querySelectorAll('#stages li')) {
    li.classList.toggle('done', reached);
    if (li.dataset.stage === stage) {
      li.setAttribute('aria-current', 'step');
      reached = false;
    }
  }
  const timeline = document.getElementById('timeline');
  const notes = (request.notes || []).filter((n) => n.summary);
  for (const note of notes) {
    timeline.append(el('li', {},
      el('time', { datetime: note.datetime, text: when(note.datetime) }),
      el('p', { text: note.summary })));
  }
  if (notes.length === 0) timeline.append(el('li', { text: t('statusNoUpdate') }));
  status.textContent = t('statusIs', document.querySelector(`#stages li[data-stage="${stage}"]`).textContent);
  document.getElementById('request').hidden = false;
}

/**
 * An e-mail form of the status page: checks the address in the page, posts it with the request's
 * number to `path`, and says the outcome in the form's status line (`said` reads a 2xx answer).
 */
function emailForm(formId, inputId, resultId, path, extra, said) {
  document.getElementById(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const email = document.getElementById(inputId);
    const result = document.getElementById(resultId);
    clearErrors(form);
    result.textContent = '';
    if (!email.value.trim() || !email.checkValidity()) {
      showError(email, t('emailInvalid'));
      email.focus();
      return;
    }
    let answer;
    try {
      answer = await fetch(`${cityApi}/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ service_request_id: id, email: email.value.trim(), ...extra() }),
      });
    } catch (offline) {
      result.textContent = t('offline');
      return;
    }
    const body = await problem(answer);
    if (answer.ok) {
      result.textContent = said(body);
    } else if (body.errors?.some((e) => e.field === 'email')) {
      showError(email, t('emailRefused', body.errors.find((e) => e.field === 'email').message));
      email.focus();
    } else if (answer.status === 429) {
      result.textContent = t('followTooMany');
    } else {
      result.textContent = t('tryAgain');
    }
  });
}

emailForm('follow', 'email', 'follow-result', 'subscriptions',
  () => ({ locale: document.getElementById('locale').value }),
  (body) => (body.status === 'already_following' ? t('followAlready') : t('followSent')));
emailForm('stop', 'stop-email', 'stop-result', 'subscriptions/stop', () => ({}), () => t('stopSent'));

load().catch(() => {
  status.textContent = t('statusCannotLoad');
});
