// The login page of the embedded default: Spring Security's form login answers 204 or 401 with a Vietnamese
// message, shown here at once (never the browser's own password dialog). In Keycloak mode Keycloak's page logs in.
import { $, api, param, say, t } from './common.js';
import { auth } from './auth.js';

/** Only a page of the portal is a place to return to (no open redirect to another site). */
function next() {
  const wanted = param('tiep') || '';
  return /^\/portal\/[a-z-]+\.html(\?[^#]*)?$/.test(wanted) ? wanted : '/portal/ho-so-cua-toi.html';
}

export async function loginPage() {
  const session = await auth();
  if (session.mode === 'keycloak') {
    session.login();
    return;
  }
  if (session.who) {
    location.replace(next());
    return;
  }
  const form = $('#login-form');
  const message = $('#message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = $('#username').value.trim();
    const password = $('#password').value;
    if (!username || !password) {
      say(message, t('Vui lòng nhập tên đăng nhập và mật khẩu.', 'Please enter your user name and password.'));
      return;
    }
    const submit = $('#login-submit');
    submit.disabled = true;
    try {
      await api('/api/session/login', { method: 'POST', body: new URLSearchParams({ username, password }) });
      location.replace(next());
    } catch (error) {
      say(message, error.message);
      $('#password').value = '';
      $('#password').focus();
    } finally {
      submit.disabled = false;
    }
  });
  $('#username').focus();
}
