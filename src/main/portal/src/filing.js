import { $, api, el, param, say, slipLink, t, when } from './common.js';
import { auth, authorization, citizen, login } from './auth.js';
import { attachmentInputs, attachmentProblem, chosenFiles, formData, multipart, readApplicant, startForm } from './applicant.js';

export async function filing() {
  const message = $('#message');
  const session = await auth();
  // the login happens on its own page (ours, or Keycloak's), never in this form
  const who = citizen(session);
  if (!who) {
    $('#filing').hidden = true;
    $('#login-needed').hidden = false;
    $('#login-to-file').addEventListener('click', () => login(session));
  } else {
    fillFromLogin(who);
  }
  let procedure;
  let form;
  try {
    procedure = await api(`/api/procedures/${encodeURIComponent(param('ma'))}`);
    $('#name').textContent = procedure.name;
    form = await startForm(procedure, $('#start-form'));
    attachmentInputs(procedure, $('#attachments'), false);
  } catch (error) {
    say(message, error.message);
    return;
  }

  $('#filing').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = formData(form);
    if (!data) {
      say(message, t('Vui lòng điền đủ các trường bắt buộc của tờ khai (đánh dấu *). Hồ sơ chưa được gửi.',
        'Please fill in every required field of the form (marked *). Nothing was sent.'));
      return;
    }
    const problem = attachmentProblem($('#attachments'));
    if (problem) {
      say(message, problem);
      return;
    }
    const dossier = {
      procedureCode: procedure.code,
      channel: 'ONLINE',
      applicant: readApplicant(),
      summary: $('#summary').value.trim() || null,
      formData: data
    };
    const submit = $('#submit');
    submit.disabled = true;
    say(message, t('Đang gửi hồ sơ…', 'Sending the dossier…'), 'info');
    try {
      const receipt = await api('/api/dossiers', {
        method: 'POST',
        headers: await authorization(session),
        body: multipart(dossier, chosenFiles($('#attachments')))
      });
      confirmation(receipt);
      say(message, null);
    } catch (error) {
      say(message, error.status === 401
        ? t('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại. Hồ sơ chưa được gửi.', 'Your login has expired. Please log in again. Nothing was sent.')
        : error.message);
    } finally {
      submit.disabled = false;
    }
  });
}

/** What the account tells: the name and e-mail; with VNeID also the personal id, and then name and id are fixed. */
function fillFromLogin(who) {
  $('#applicant-name').value = who.name || '';
  if (who.email) $('#applicant-email').value = who.email;
  if (who.personalId) {
    $('#applicant-kind').value = 'PERSON';
    $('#applicant-kind').disabled = true;
    $('#applicant-id').value = who.personalId;
    ['#applicant-name', '#applicant-id'].forEach((id) => {
      $(id).readOnly = true;
      $(id).classList.add('verified');
    });
    $('#applicant-id').after(el('p', { id: 'verified-note', class: 'hint',
      text: t('Họ tên và số định danh lấy từ tài khoản định danh điện tử VNeID, không sửa được.',
        'Name and personal identification number come from your VNeID e-ID and cannot be changed.') }));
  }
}

function confirmation(receipt) {
  $('#filing').hidden = true;
  $('#code').textContent = receipt.code;
  // online, the dossier is only registered: the appointment comes once the counter has accepted it
  $('#appointment').textContent = receipt.status === 1
    ? t('Có sau khi hồ sơ được tiếp nhận', 'Given once the dossier is accepted')
    : when(receipt.appointmentAt);
  $('#secret').textContent = receipt.secret;
  slipLink($('#slip'), `/api/dossiers/${encodeURIComponent(receipt.code)}/slips/giay-tiep-nhan`, receipt.secret);
  $('#track').href = `tra-cuu.html?ma=${encodeURIComponent(receipt.code)}`;
  $('#confirmation').hidden = false;
  $('#confirmation').focus();
}
