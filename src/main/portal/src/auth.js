// Who is logged in, and how requests prove it; one shape for both modes, so the pages never ask which one runs.
// Embedded default: a login session (our page dang-nhap.html posts to Spring Security's form login; the session
// cookie proves the login, changes send the CSRF token, see common.js). Keycloak mode: Keycloak's own login page
// through keycloak-js (public client, code flow + PKCE S256); the tokens are kept for the browser tab
// (sessionStorage) so that moving between pages keeps the login.
import Keycloak from 'keycloak-js';
import { $, api, el, lang, t } from './common.js';

const STORED = 'motcua.tokens';
let ready;

/**
 * The portal's session: { mode, who (null when nobody is logged in: user, name, email, personalId), login(),
 * logout(), headers() } — the same in both modes.
 */
export function auth() {
  if (!ready) ready = start();
  return ready;
}

async function start() {
  let config = { mode: 'embedded' };
  try {
    const response = await fetch('/api/portal/config');
    if (response.ok) config = await response.json();
  } catch (offline) {
    // the pages still show the catalogue; logging in waits for the server
  }
  return config.mode === 'keycloak' ? keycloakSession(config.keycloak) : embeddedSession();
}

/** Where a login returns to: the page the citizen was on (only a page of the portal). */
const here = () => location.pathname + location.search;

export const loginPage = (next = here()) => `dang-nhap.html?tiep=${encodeURIComponent(next)}`;

async function embeddedSession() {
  let who = null;
  try {
    const session = await api('/api/session');
    if (session.authenticated) who = { user: session.user, name: session.name, email: session.email, personalId: null };
  } catch (offline) {
    // nobody is logged in as far as the page can tell
  }
  return {
    mode: 'embedded',
    who,
    login: () => { location.href = loginPage(); },
    logout: async () => {
      await api('/api/session/logout', { method: 'POST' });
      location.href = 'index.html';
    },
    headers: async () => ({})
  };
}

async function keycloakSession(settings) {
  const keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId });
  const save = () => sessionStorage.setItem(STORED, JSON.stringify({
    token: keycloak.token, refreshToken: keycloak.refreshToken, idToken: keycloak.idToken }));
  keycloak.onAuthSuccess = save;
  keycloak.onAuthRefreshSuccess = save;
  keycloak.onAuthLogout = () => sessionStorage.removeItem(STORED);
  const stored = JSON.parse(sessionStorage.getItem(STORED) || 'null');
  const options = { pkceMethod: 'S256', checkLoginIframe: false, ...(stored || {}) };
  try {
    await keycloak.init(options);
    if (keycloak.authenticated) await keycloak.updateToken(30);
  } catch (expired) {
    sessionStorage.removeItem(STORED);
    keycloak.clearToken();
  }
  return {
    mode: 'keycloak',
    keycloak,
    who: tokenCitizen(keycloak),
    login: () => keycloak.login({ redirectUri: location.href.split('#')[0], locale: lang() }),
    logout: async () => {
      sessionStorage.removeItem(STORED);
      await keycloak.logout({ redirectUri: `${location.origin}/portal/index.html` });
    },
    headers: async () => {
      if (!keycloak.authenticated) return {};
      await keycloak.updateToken(30);
      return { Authorization: `Bearer ${keycloak.token}` };
    }
  };
}

/** The citizen of a Keycloak login: name, e-mail and, when VNeID vouched for them, the personal id. */
function tokenCitizen(k) {
  if (!k.authenticated) return null;
  const c = k.tokenParsed;
  const name = c.full_name || [c.family_name, c.given_name].filter(Boolean).join(' ') || c.preferred_username;
  return { user: c.preferred_username, name, email: c.email || null, personalId: c.personal_id || null };
}

/** The logged-in person, or null. */
export const citizen = (session) => session.who;

/** Headers that prove the login: a fresh bearer token in Keycloak mode; the session cookie needs none. */
export const authorization = (session) => session.headers();

export const login = (session) => session.login();

/** The header's account area: "Đăng nhập", or the person's name, "Hồ sơ của tôi" and "Đăng xuất". */
export async function accountArea() {
  const area = $('#account');
  if (!area) return;
  const session = await auth();
  area.replaceChildren();
  const who = citizen(session);
  if (!who) {
    if (document.body.dataset.page === 'login') return;
    const button = el('button', { id: 'login', type: 'button', class: 'secondary' }, t('Đăng nhập', 'Log in'));
    button.addEventListener('click', () => login(session));
    area.append(button);
    return;
  }
  const mine = el('a', { id: 'mine-link', href: 'ho-so-cua-toi.html' }, t('Hồ sơ của tôi', 'My dossiers'));
  const logout = el('button', { id: 'logout', type: 'button', class: 'secondary' }, t('Đăng xuất', 'Log out'));
  logout.addEventListener('click', () => session.logout());
  area.append(el('span', { id: 'user-name' }, who.name), mine, logout);
}
