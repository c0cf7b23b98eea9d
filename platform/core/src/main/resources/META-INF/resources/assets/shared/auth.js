// Signing in to Civic311's pages: Keycloak's own adapter (authorization code flow with PKCE, S256),
// configured from the page's <meta name="civic311-auth">. Every API call carries a fresh token.
import Keycloak from '/assets/vendor/keycloak-js/26.2.1/keycloak.js';

const config = document.querySelector('meta[name="civic311-auth"]').dataset;

export const keycloak = new Keycloak({
  url: config.url,
  realm: config.realm,
  clientId: config.client,
});

/** Starts the adapter; resolves to true when a user is signed in. */
export async function start() {
  return keycloak.init({
    onLoad: 'check-sso',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    // every organization (city) the user belongs to, so agents of shared centres get them all
    scope: 'openid organization:*',
    responseMode: 'query',
  });
}

export function signIn() {
  return keycloak.login();
}

export function signOut() {
  return keycloak.logout({ redirectUri: window.location.href.split('?')[0] });
}

/** fetch() with the signed-in user's token, refreshed when close to expiry: the raw response. */
export async function authorizedFetch(path, options = {}) {
  if (keycloak.authenticated) {
    await keycloak.updateToken(30);
  }
  const headers = new Headers(options.headers || {});
  if (keycloak.token) {
    headers.set('Authorization', 'Bearer ' + keycloak.token);
  }
  return fetch(path, { ...options, headers });
}

/**
 * fetch() against the API with the signed-in user's token; the JSON answer. A refusal throws an
 * Error whose message is the problem's detail, with the status and the whole problem document
 * (its errors name the fields) as error.status and error.problem.
 */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Accept', 'application/json');
  const response = await authorizedFetch(path, { ...options, headers });
  if (!response.ok) {
    let detail = response.statusText;
    let problem = null;
    try {
      problem = await response.json();
      detail = problem.detail || detail;
    } catch (ignored) {
      // not a problem document
    }
    const error = new Error(detail + ' (' + response.status + ')');
    error.status = response.status;
    error.problem = problem;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}
