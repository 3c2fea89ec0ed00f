import { auth, authorization, citizen, login } from './auth.js';
import { $, api, el, param, say, slipLink, t, when } from './common.js';
import { attachmentInputs, attachmentProblem, chosenFiles, formData, multipart, readApplicant, startForm } from './applicant.js';

let procedure;
let form;

export async function counter() {
  const message = $('#message');
  // the officer logs in with "Đăng nhập" (our login page, or Keycloak's), not in this form
  const session = await auth();
  if (!citizen(session)) {
    $('#reception').hidden = true;
    $('#login-needed').hidden = false;
    $('#login-to-receive').addEventListener('click', () => login(session));
    return;
  }
  const select = $('#procedure');
  const all = await api('/api/procedures');
  select.replaceChildren(...all.map((p) => el('option', { value: p.code }, `${p.code} – ${p.name}`)));
  if (param('ma')) select.value = param('ma');
  select.addEventListener('change', () => choose(select.value));
  await choose(select.value);
  $('#check').addEventListener('click', checkCompleteness);
  $('#reception').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = formData(form);
    if (!data) {
      say(message, t('Vui lòng điền đủ các trường bắt buộc của tờ khai (đánh dấu *). Hồ sơ chưa được lưu.',
        'Please fill in every required field of the form (marked *). Nothing was stored.'));
      return;
    }
    const problem = attachmentProblem($('#attachments'));
    if (problem) {
      say(message, problem);
      return;
    }
    const decision = document.querySelector('input[name=decision]:checked');
    const dossier = {
      procedureCode: procedure.code,
      channel: $('#channel').value,
      applicant: readApplicant(),
      summary: $('#summary').value.trim() || null,
      formData: data,
      receivedComponents: [...document.querySelectorAll('[id^=paper-]:checked')].map((box) => box.dataset.component)
    };
    try {
      const receipt = await api('/api/counter/dossiers', {
        method: 'POST',
        headers: await authorization(session),
        body: multipart(dossier, chosenFiles($('#attachments')), {
          decision: { decision: decision ? decision.value : null, note: $('#note').value.trim() || null }
        })
      });
      say(message, null);
      done(receipt);
    } catch (error) {
      say(message, error.status === 401
        ? t('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại. Hồ sơ chưa được lưu.', 'Your login has expired. Please log in again. Nothing was stored.')
        : error.message);
    }
  });
}

async function choose(code) {
  procedure = await api(`/api/procedures/${encodeURIComponent(code)}`);
  $('#start-form').replaceChildren();
  form = await startForm(procedure, $('#start-form'));
  attachmentInputs(procedure, $('#attachments'), true);
}

// The completeness check of domain.md §3.1: every required component either received on paper or attached.
function checkCompleteness() {
  const missing = procedure.components.filter((c) => c.required
    && !$(`#paper-${c.code}`).checked && !$(`#file-${c.code}`).files.length);
  if (missing.length) {
    document.querySelector('input[name=decision][value=supplement]').checked = true;
    $('#note').value = missing.map((c) => c.name).join('\n');
    say($('#completeness'), t(`Hồ sơ còn thiếu ${missing.length} thành phần; đã điền vào yêu cầu bổ sung.`,
      `${missing.length} component(s) missing; filled into the supplement request.`), 'info');
  } else {
    document.querySelector('input[name=decision][value=accept]').checked = true;
    say($('#completeness'), t('Hồ sơ đủ thành phần bắt buộc.', 'Every required component is there.'), 'success');
  }
}

function done(receipt) {
  const slips = {
    'giay-tiep-nhan': t('In giấy tiếp nhận và hẹn trả kết quả', 'Print the receipt slip'),
    'phieu-bo-sung': t('In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', 'Print the supplement request'),
    'phieu-tu-choi': t('In phiếu từ chối tiếp nhận', 'Print the refusal slip')
  };
  $('#result-code').textContent = receipt.code;
  $('#result-status').textContent = receipt.statusLabel;
  $('#result-appointment').textContent = receipt.slip === 'giay-tiep-nhan' ? when(receipt.appointmentAt) : '—';
  $('#result-secret').textContent = receipt.secret;
  const slip = $('#result-slip');
  slip.textContent = slips[receipt.slip];
  slipLink(slip, `/api/dossiers/${encodeURIComponent(receipt.code)}/slips/${receipt.slip}`, receipt.secret);
  $('#result').hidden = false;
  $('#result').focus();
}
