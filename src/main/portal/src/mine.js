// "Hồ sơ của tôi": the dossiers the logged-in citizen filed, with their status and next step, each linked to tracking.
import { $, api, el, say, t, when } from './common.js';
import { auth, authorization, citizen, login } from './auth.js';

export async function mine() {
  const session = await auth();
  if (!citizen(session)) {
    $('#login-needed').hidden = false;
    $('#login-to-see').addEventListener('click', () => login(session));
    return;
  }
  await show(session, $('#message'));
}

/** Registered or refused at reception, a dossier has no appointment yet (it comes with the acceptance). */
const appointment = (d) => ([1, 3].includes(d.status) ? null : d.appointmentAt);

async function show(session, message) {
  try {
    const dossiers = await api('/api/dossiers/mine', { headers: await authorization(session) });
    say(message, null);
    const list = $('#mine');
    if (!dossiers.length) {
      list.replaceChildren(el('p', { text: t('Bạn chưa nộp hồ sơ nào.', 'You have not filed any dossier yet.') }));
      return;
    }
    const fact = (label, value, css) => el('div', {}, el('dt', {}, label), el('dd', { class: css }, value));
    list.replaceChildren(el('ul', { class: 'cards mine' }, dossiers.map((d) => el('li', { class: 'card', 'data-code': d.code },
      el('a', { href: `tra-cuu.html?ma=${encodeURIComponent(d.code)}`, class: 'code', text: d.code }),
      el('p', { class: 'meta', text: d.procedureName }),
      el('dl', { class: 'pairs' },
        fact(t('Trạng thái', 'Status'), d.statusLabel, 'status'),
        fact(t('Bước tiếp theo', 'Next step'), d.currentStep || '—', 'next-step'),
        fact(t('Ngày nộp', 'Filed'), when(d.receivedAt)),
        appointment(d) ? fact(t('Hẹn trả kết quả', 'Appointment'), when(appointment(d)), 'appointment') : '')))));
  } catch (error) {
    say(message, error.status === 401
      ? t('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', 'Your login has expired. Please log in again.')
      : error.message);
  }
}
