// City administration: signs the administrator in (Keycloak, authorization code with PKCE), checks
// that they administer this city, and shows one section at a time (the address's #fragment names
// it). Each section is a module with show(section, context), built on first use and reloaded on
// every visit. The API decides who may do what; the page only says so clearly.
import { api, keycloak, start } from '/assets/shared/auth.js';
import { h } from './ui.js';
import * as catalogue from './catalogue.js';
import * as departments from './departments.js';
import * as integrations from './integrations.js';
import * as knowledge from './knowledge.js';
import * as hours from './hours.js';
import * as phone from './phone.js';
import * as duplicates from './duplicates.js';
import * as audit from './audit.js';

const SECTIONS = { catalogue, departments, integrations, knowledge, hours, phone, duplicates, audit };
const REMEMBERED = 'civic311.admin.section';
const city = document.querySelector('meta[name="civic311-city"]').content;
const $ = (id) => document.getElementById(id);

const context = {
  city,
  base: '/api/v1/cities/' + encodeURIComponent(city),
  profile: null,
  refuse,
};

function say(text) {
  $('status').textContent = text;
}

/** The page's own address, without the section or the sign-in's parameters. */
function here() {
  return window.location.origin + window.location.pathname;
}

/** Says, clearly, that this account cannot administer this city; nothing else is shown. */
function refuse(username, me) {
  $('admin').hidden = true;
  const name = context.profile ? context.profile.name : city;
  const own = (me?.roles || []).includes('city-admin') ? (me?.cities || []).filter((c) => c.slug !== city) : [];
  $('refusal').replaceChildren(
    h('p', {}, h('strong', {}, 'You are signed in as ' + username + ', who is not an administrator of this city'), ' (' + name + ').'),
    h('p', {}, 'Nothing here can be seen or changed with this account. Sign out, then sign in with an administrator account of ' + name + '.'),
    own.length > 0
      ? h('p', {}, 'You administer ', own.map((c, i) => [i > 0 ? ', ' : '', h('a', { href: '/c/' + encodeURIComponent(c.slug) + '/admin/' }, c.name)]), '.')
      : null,
  );
  $('refusal').hidden = false;
  say('');
}

let shown = null;

async function show(name, moveFocus) {
  const wanted = SECTIONS[name] ? name : 'catalogue';
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
  document.title = ($(wanted + '-title').textContent || 'Administration') + ' · ' + (context.profile?.name || city) + ' · Civic311';
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
  try {
    context.profile = await api(context.base);
  } catch (e) {
    say(e.status === 404 ? 'This city is not served here. Check the address.' : 'The city could not be loaded: ' + e.message);
    return;
  }
  $('city-name').textContent = context.profile.name + ' · administration';
  document.title = context.profile.name + ' · Administration · Civic311';

  // The sign-in round trips (the sign-in itself, and the check on every load) go through the
  // identity server without the #section, which an OAuth redirect address may not carry: it is
  // remembered for this tab and put back afterwards.
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
    say('You are signed out. Sign in with your city administrator account.');
    $('sign-in').hidden = false;
    return;
  }
  $('sign-out').hidden = false;
  const username = keycloak.tokenParsed?.preferred_username || 'this account';
  let me = { username, roles: [], cities: [] };
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    // a signed-in account without any role: not an administrator either
  }
  $('who').textContent = 'Signed in as ' + me.username;
  if (!me.roles.includes('city-admin') || !me.cities.some((c) => c.slug === city)) {
    refuse(me.username, me);
    return;
  }
  say('You administer ' + context.profile.name + '. Changes take effect when saved, and are recorded in the audit history.');
  $('admin').hidden = false;
  window.addEventListener('hashchange', () => {
    // only the sections' own fragments: the skip link's #main is not one
    const name = window.location.hash.slice(1);
    if (SECTIONS[name]) {
      show(name, true);
    }
  });
  await show(window.location.hash.slice(1), false);
}

main().catch((e) => say('Something went wrong: ' + e.message + ' Reload the page to try again.'));
