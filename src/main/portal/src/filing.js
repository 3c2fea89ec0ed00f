import { $, api, basic, el, param, say, slipLink, t, when } from './common.js';
import { attachmentInputs, attachmentProblem, chosenFiles, formData, multipart, readApplicant, startForm } from './applicant.js';

export async function filing() {
  const message = $('#message');
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
        headers: { Authorization: basic($('#user').value.trim(), $('#password').value) },
        body: multipart(dossier, chosenFiles($('#attachments')))
      });
      confirmation(receipt);
      say(message, null);
    } catch (error) {
      say(message, error.status === 401
        ? t('Tên đăng nhập hoặc mật khẩu không đúng. Hồ sơ chưa được gửi.', 'Wrong user name or password. Nothing was sent.')
        : error.message);
    } finally {
      submit.disabled = false;
    }
  });
}

function confirmation(receipt) {
  $('#filing').hidden = true;
  $('#code').textContent = receipt.code;
  $('#appointment').textContent = when(receipt.appointmentAt);
  $('#secret').textContent = receipt.secret;
  slipLink($('#slip'), `/api/dossiers/${encodeURIComponent(receipt.code)}/slips/giay-tiep-nhan`, receipt.secret);
  $('#track').href = `tra-cuu.html?ma=${encodeURIComponent(receipt.code)}`;
  $('#confirmation').hidden = false;
  $('#confirmation').focus();
}
