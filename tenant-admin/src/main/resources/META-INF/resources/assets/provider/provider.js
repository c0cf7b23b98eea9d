// The provider console: signs the operator in (Keycloak, authorization code with PKCE), checks the
// operator role, and shows one section at a time (the address's #fragment names it). Each section
// is a module with show(section, context), built on first use and reloaded on every visit. The
// provider API decides who may do what; the page only says so clearly.
import { api, keycloak, start } from '/assets/shared/auth.js';
import { h } from '/assets/admin/ui.js';
import * as cities from './cities.js';
import * as onboard from './onboard.js';
import * as audit from './audit.js';

const SECTIONS = { cities, onboard, audit };
const REMEMBERED = 'civic311.provider.section';
const $ = (id) => document.getElementById(id);

const context = {
  base: '/api/v1/provider',
  go: (name) => {
    window.location.hash = name;
  },
};

function say(text) {
  $('status').textContent = text;
}

function here() {
  return window.location.origin + window.location.pathname;
}

/** Says, clearly, that this account is not the operator's; nothing else is shown. */
function refuse(username, me) {
  $('admin').hidden = true;
  const admin = (me?.roles || []).includes('city-admin') ? me.cities || [] : [];
  $('refusal').replaceChildren(
    h('p', {}, h('strong', {}, 'You are signed in as ' + username + ', who is not the operator of this deployment.')),
    h('p', {}, 'Nothing here can be seen or changed with this account. Sign out, then sign in with the operator account.'),
    admin.length > 0
      ? h('p', {}, 'You administer ', admin.map((c, i) => [i > 0 ? ', ' : '', h('a', { href: '/c/' + encodeURIComponent(c.slug) + '/admin/' }, c.name)]), '.')
      : null,
  );
  $('refusal').hidden = false;
  say('');
}

let shown = null;

async function show(name, moveFocus) {
  const wanted = SECTIONS[name] ? name : 'cities';
  for (const key of Object.keys(SECTIONS)) {
    $(key).hidden = key !== wanted;
  }
  for (const link of document.querySelectorAll('.sections a')) {
    if (link.getAttribute('href') === '#' + wanted) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  shown = wanted;
  document.title = $(wanted + '-title').textContent + ' · Provider console · Civic311';
  if (moveFocus) {
    $(wanted + '-title').focus();
  }
  const section = $(wanted);
  section.setAttribute('aria-busy', 'true');
  section.dataset.ready = '';
  try {
    await SECTIONS[wanted].show(section, context);
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      refuse(keycloak.tokenParsed?.preferred_username || 'this account', null);
      return;
    }
    section.append(h('p', { class: 'notice', role: 'alert' }, 'This section could not load: ' + e.message + ' Reload the page to try again.'));
  } finally {
    section.removeAttribute('aria-busy');
    section.dataset.ready = shown === wanted ? 'true' : '';
  }
}

async function main() {
  $('sign-in').addEventListener('click', () => {
    sessionStorage.setItem(REMEMBERED, window.location.hash);
    keycloak.login({ redirectUri: here() });
  });
  $('sign-out').addEventListener('click', () => keycloak.logout({ redirectUri: here() }));
  // the sign-in's round trips cannot carry the #section: remembered for this tab meanwhile
  const section = window.location.hash || sessionStorage.getItem(REMEMBERED) || '';
  if (section) {
    sessionStorage.setItem(REMEMBERED, section);
  }
  if (window.location.hash) {
    window.history.replaceState(null, '', here());
  }
  let signedIn;
  try {
    signedIn = await start();
  } catch (e) {
    say('The sign-in service cannot be reached. Try again in a moment.');
    $('sign-in').hidden = false;
    return;
  } finally {
    sessionStorage.removeItem(REMEMBERED);
  }
  if (section) {
    window.history.replaceState(null, '', here() + section);
  }
  if (!signedIn) {
    say('You are signed out. Sign in with the operator account.');
    $('sign-in').hidden = false;
    return;
  }
  $('sign-out').hidden = false;
  const username = keycloak.tokenParsed?.preferred_username || 'this account';
  let me = { username, roles: [], cities: [] };
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    // an account without any role is not the operator either
  }
  $('who').textContent = 'Signed in as ' + me.username;
  if (!me.roles.includes('operator')) {
    refuse(me.username, me);
    return;
  }
  say('You operate this deployment. Every action here is recorded in the audit log.');
  $('admin').hidden = false;
  window.addEventListener('hashchange', () => {
    const name = window.location.hash.slice(1);
    if (SECTIONS[name]) {
      show(name, true);
    }
  });
  await show(window.location.hash.slice(1), false);
}

main().catch((e) => say('Something went wrong: ' + e.message + ' Reload the page to try again.'));
