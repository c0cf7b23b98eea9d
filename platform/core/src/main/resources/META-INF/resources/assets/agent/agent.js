// The agent console: who is signed in, the cities they act for, the city's newest requests.
import { api, keycloak, signIn, signOut, start } from '/assets/shared/auth.js';

const city = document.querySelector('meta[name="civic311-city"]').content;
const $ = (id) => document.getElementById(id);
let timeZone;

function when(iso) {
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

function say(text) {
  $('status').textContent = text;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  return td;
}

async function showCity() {
  const profile = await api('/api/v1/cities/' + encodeURIComponent(city));
  timeZone = profile.time_zone;
  $('city-name').textContent = profile.name + ' · agent console';
  document.title = profile.name + ' · Agent console · Civic311';
}

async function showRequests() {
  const requests = await api('/api/v1/cities/' + encodeURIComponent(city) + '/service-requests?limit=20');
  const body = $('requests').querySelector('tbody');
  body.replaceChildren(
    ...requests.map((r) => {
      const tr = document.createElement('tr');
      tr.append(cell(r.service_request_id.slice(0, 8)), cell(r.service_name), cell(r.status), cell(when(r.requested_datetime)));
      return tr;
    }),
  );
  $('work').hidden = false;
  say(requests.length + ' newest requests of this city.');
}

function showSwitcher(me) {
  if (me.cities.length < 2) {
    return;
  }
  const select = $('city-select');
  select.replaceChildren(
    ...me.cities.map((c) => {
      const option = new Option(c.name, c.slug, false, c.slug === city);
      return option;
    }),
  );
  select.addEventListener('change', () => {
    window.location.assign('/c/' + encodeURIComponent(select.value) + '/agent/');
  });
  $('city-switch').hidden = false;
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
  $('who').textContent = 'Signed in as ' + me.username;
  showSwitcher(me);
  if (!me.cities.some((c) => c.slug === city)) {
    say('Your account does not act for this city. Choose one of your cities, or sign out.');
    return;
  }
  await showRequests();
}

main().catch((e) => say('Something went wrong: ' + e.message));
