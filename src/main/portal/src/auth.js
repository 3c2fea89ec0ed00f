// Who is logged in, and how requests prove it. Embedded default: the user name and password typed into the page
// (HTTP Basic). Keycloak mode: Keycloak's own login page through keycloak-js (public client, code flow + PKCE S256);
// the tokens are kept for the browser tab (sessionStorage) so that moving between pages keeps the login.
import Keycloak from 'keycloak-js';
import { $, basic, el, lang, t } from './common.js';

const STORED = 'motcua.tokens';
let ready;

/** The portal's mode and, in Keycloak mode, the started keycloak-js instance. */
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
  if (config.mode !== 'keycloak') return { mode: 'embedded' };
  const keycloak = new Keycloak({ url: config.keycloak.url, realm: config.keycloak.realm, clientId: config.keycloak.clientId });
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
  return { mode: 'keycloak', keycloak };
}

/** The logged-in citizen in Keycloak mode: name, e-mail and, when VNeID vouched for them, the personal id. */
export function citizen(session) {
  const k = session.keycloak;
  if (!k || !k.authenticated) return null;
  const c = k.tokenParsed;
  const name = c.full_name || [c.family_name, c.given_name].filter(Boolean).join(' ') || c.preferred_username;
  return { user: c.preferred_username, name, email: c.email || null, personalId: c.personal_id || null };
}

/** Headers that prove the login: a fresh bearer token in Keycloak mode, Basic from the page's fields otherwise. */
export async function authorization(session, userField = '#user', passwordField = '#password') {
  if (session.mode === 'keycloak') {
    if (!session.keycloak.authenticated) return {};
    await session.keycloak.updateToken(30);
    return { Authorization: `Bearer ${session.keycloak.token}` };
  }
  const user = $(userField);
  return user && user.value.trim() ? { Authorization: basic(user.value.trim(), $(passwordField).value) } : {};
}

export const login = (session) => session.keycloak.login({ redirectUri: location.href.split('#')[0], locale: lang() });

/** The header's account area: "Đăng nhập", or the citizen's name, "Hồ sơ của tôi" and "Đăng xuất". */
export async function accountArea() {
  const area = $('#account');
  if (!area) return;
  const session = await auth();
  area.replaceChildren();
  const mine = el('a', { id: 'mine-link', href: 'ho-so-cua-toi.html' }, t('Hồ sơ của tôi', 'My dossiers'));
  if (session.mode !== 'keycloak') {
    area.append(mine);
    return;
  }
  const who = citizen(session);
  if (!who) {
    const button = el('button', { id: 'login', type: 'button', class: 'secondary' }, t('Đăng nhập', 'Log in'));
    button.addEventListener('click', () => login(session));
    area.append(button);
    return;
  }
  const logout = el('button', { id: 'logout', type: 'button', class: 'secondary' }, t('Đăng xuất', 'Log out'));
  logout.addEventListener('click', () => {
    sessionStorage.removeItem(STORED);
    session.keycloak.logout({ redirectUri: `${location.origin}/portal/index.html` });
  });
  area.append(el('span', { id: 'user-name' }, who.name), mine, logout);
}
