// A request's status page: the request and its public notes from the city's Open311 API, and a
// form to follow it by e-mail (a confirmation message is sent first).
const city = document.querySelector('meta[name="civic311-city"]').content;
const id = document.querySelector('meta[name="civic311-request"]').content;
const status = document.getElementById('status');

const STAGE = {
  open: 'received', reopen: 'received',
  in_progress: 'in_progress', action_scheduled: 'in_progress', investigating: 'in_progress',
  fixed: 'resolved', closed: 'resolved', no_further_action: 'resolved', duplicate: 'resolved',
};

function when(text) {
  return text ? new Date(text).toLocaleString(document.documentElement.lang, {
    dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

async function load() {
  const cityAnswer = await fetch(`/api/v1/cities/${encodeURIComponent(city)}`);
  if (!cityAnswer.ok) {
    status.textContent = 'This city is not served here. Check the link in your e-mail.';
    return;
  }
  const profile = await cityAnswer.json();
  document.getElementById('city-name').textContent = profile.name;
  const answer = await fetch(`/open311/v2/requests/${encodeURIComponent(id)}.json?extensions=true`
    + `&jurisdiction_id=${encodeURIComponent(profile.jurisdiction_id)}`);
  if (!answer.ok) {
    status.textContent = 'We cannot find this request. Check the number in your e-mail.';
    return;
  }
  const request = (await answer.json())[0];
  document.getElementById('category').textContent = request.service_name || request.service_code;
  document.getElementById('address').textContent = request.address || '—';
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
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = note.datetime;
    time.textContent = when(note.datetime);
    const text = document.createElement('p');
    text.textContent = note.summary;
    li.append(time, text);
    timeline.append(li);
  }
  if (notes.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No update yet.';
    timeline.append(li);
  }
  status.textContent = `Status: ${document.querySelector(`#stages li[data-stage="${stage}"]`).textContent}`;
  document.getElementById('request').hidden = false;
  const locale = document.getElementById('locale');
  for (const option of [...locale.options]) {
    if (!profile.locales.some((l) => l.startsWith(option.value))) option.remove();
  }
}

document.getElementById('follow').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = document.getElementById('email');
  const error = document.getElementById('email-error');
  const result = document.getElementById('follow-result');
  error.textContent = '';
  result.textContent = '';
  email.removeAttribute('aria-invalid');
  if (!email.checkValidity()) {
    error.textContent = 'Enter an e-mail address, like name@example.org.';
    email.setAttribute('aria-invalid', 'true');
    email.focus();
    return;
  }
  const answer = await fetch(`/api/v1/cities/${encodeURIComponent(city)}/subscriptions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service_request_id: id, email: email.value,
      locale: document.getElementById('locale').value }),
  });
  const body = await answer.json().catch(() => ({}));
  if (answer.ok) {
    result.textContent = body.status === 'already_following'
      ? 'This address already gets updates for this request.'
      : 'Check your e-mail: press the link in our message to start your updates.';
  } else if (body.errors?.some((e) => e.field === 'email')) {
    error.textContent = body.errors.find((e) => e.field === 'email').message;
    email.setAttribute('aria-invalid', 'true');
  } else {
    result.textContent = body.detail || 'That did not work; please try again in a few minutes.';
  }
});

load().catch(() => {
  status.textContent = 'The page could not load the request. Check your connection and reload.';
});
