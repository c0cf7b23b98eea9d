// "My requests": signs the resident in through Keycloak (authorization code with PKCE) and lists the
// requests of their account in this city, each linked to its status page.
import { start, signIn, signOut, api, keycloak } from '/assets/shared/auth.js';
import { t, el, when, STAGE, city, lang, cityApi } from './portal.js';

const status = document.getElementById('status');
const list = document.getElementById('mine');
const signInButton = document.getElementById('sign-in');
const signOutButton = document.getElementById('sign-out');
signInButton.addEventListener('click', () => signIn());
signOutButton.addEventListener('click', () => signOut());

async function show() {
  let signedIn = false;
  try {
    signedIn = await start();
  } catch (e) {
    status.textContent = t('mineNoIdentity');
    return;
  }
  if (!signedIn) {
    status.textContent = t('mineSignedOut');
    signInButton.hidden = false;
    return;
  }
  signOutButton.hidden = false;
  const who = keycloak.tokenParsed?.preferred_username || '';
  let requests;
  try {
    requests = await api(`${cityApi}/me/service-requests`);
  } catch (e) {
    status.textContent = e.status === 403 ? t('mineNotResident', who) : t('tryAgain');
    return;
  }
  status.textContent = requests.length === 0 ? t('mineNone', who) : t('mineCount', who, requests.length);
  for (const r of requests) {
    const stage = STAGE[r.status] || 'received';
    list.append(el('li', {},
      el('a', { href: `/c/${encodeURIComponent(city)}/requests/${encodeURIComponent(r.service_request_id)}?lang=${lang}`,
        text: r.service_name || r.service_code }),
      el('span', { class: `stage stage-${stage}`, text: t(`stage_${stage}`) }),
      el('span', { class: 'hint', text: `${when(r.requested_datetime)}${r.address ? ' · ' + r.address : ''}` })));
  }
  list.hidden = requests.length === 0;
}

show();
