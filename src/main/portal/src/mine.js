// "Hồ sơ của tôi": the dossiers the logged-in citizen filed, with their status and next step, each linked to tracking.
import { $, api, el, say, t, when } from './common.js';
import { auth, authorization, citizen, login } from './auth.js';

export async function mine() {
  const session = await auth();
  const message = $('#message');
  if (session.mode === 'keycloak') {
    if (!citizen(session)) {
      $('#login-needed').hidden = false;
      $('#login-to-see').addEventListener('click', () => login(session));
      return;
    }
    await show(session, message);
    return;
  }
  $('#mine-login').hidden = false;
  $('#mine-login').addEventListener('submit', (event) => {
    event.preventDefault();
    show(session, message);
  });
}

async function show(session, message) {
  try {
    const dossiers = await api('/api/dossiers/mine', { headers: await authorization(session) });
    say(message, null);
    const list = $('#mine');
    if (!dossiers.length) {
      list.replaceChildren(el('p', { text: t('Bạn chưa nộp hồ sơ nào.', 'You have not filed any dossier yet.') }));
      return;
    }
    const head = el('tr', {}, [t('Mã hồ sơ', 'Code'), t('Thủ tục', 'Procedure'), t('Trạng thái', 'Status'),
      t('Bước tiếp theo', 'Next step'), t('Hẹn trả kết quả', 'Appointment')].map((h) => el('th', { scope: 'col', text: h })));
    const rows = dossiers.map((d) => el('tr', { 'data-code': d.code },
      el('td', {}, el('a', { href: `tra-cuu.html?ma=${encodeURIComponent(d.code)}`, class: 'code', text: d.code })),
      el('td', { text: d.procedureName }),
      el('td', { class: 'status', text: d.statusLabel }),
      el('td', { class: 'next-step', text: d.currentStep || '—' }),
      el('td', { text: when(d.appointmentAt) })));
    list.replaceChildren(el('table', { class: 'mine' }, el('thead', {}, head), el('tbody', {}, rows)));
  } catch (error) {
    say(message, error.status === 401
      ? t('Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong user name or password.')
      : error.message);
  }
}
