import { auth, authorization } from './auth.js';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { $, api, el, fileProblem, param, say, t, when } from './common.js';

let viewer;

export async function tracking() {
  const form = $('#lookup');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp($('#code').value.trim(), $('#secret').value.trim());
  });
  $('#supplement').addEventListener('submit', supplement);
  if (param('ma')) {
    $('#code').value = param('ma');
    lookUp(param('ma'), '');
  }
}

async function lookUp(code, secret) {
  const message = $('#message');
  $('#result').hidden = true;
  if (!code) {
    say(message, t('Vui lòng nhập mã hồ sơ.', 'Please enter the dossier code.'));
    return;
  }
  try {
    const query = secret ? `?secret=${encodeURIComponent(secret)}` : '';
    // logged in through Keycloak, the filer also sees their own details without the secret
    const session = await auth();
    const headers = session.mode === 'keycloak' ? await authorization(session) : {};
    const dossier = await api(`/api/tracking/${encodeURIComponent(code)}${query}`, { headers });
    say(message, null);
    show(dossier, secret);
    await diagram(dossier.code);
  } catch (error) {
    say(message, error.message);
  }
}

function show(d, secret) {
  $('#status').textContent = d.statusLabel;
  $('#current-step').textContent = d.currentStep || d.statusLabel;
  const applicant = d.applicantDetails
    ? `${d.applicantDetails.name} · ${d.applicantDetails.idNumber} · ${d.applicantDetails.address}`
    : d.applicant;
  const rows = [
    [t('Mã hồ sơ', 'Dossier code'), d.code],
    [t('Thủ tục', 'Procedure'), d.procedureName],
    [t('Cơ quan giải quyết', 'Agency'), d.agencyName],
    [t('Người nộp', 'Applicant'), applicant],
    [t('Ngày nhận', 'Received'), when(d.receivedAt)],
    [t('Hẹn trả kết quả', 'Appointment'), when(d.appointmentAt)]
  ];
  if (d.finishedAt) rows.push([t('Kết thúc', 'Finished'), when(d.finishedAt)]);
  $('#facts').replaceChildren(...rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
  $('#timeline').replaceChildren(...d.timeline.map((e) => el('tr', {},
    el('td', {}, when(e.at)),
    el('td', {}, e.text + (e.note ? ` — ${e.note}` : '')),
    el('td', {}, e.department || ''),
    el('td', {}, e.dueAt ? when(e.dueAt) : ''),
    el('td', {}, timeliness(e)))));
  $('#supplement').hidden = !(d.status === 5 && secret);
  $('#supplement').dataset.code = d.code;
  $('#supplement').dataset.secret = secret;
  $('#result').hidden = false;
}

// domain.md §4.5: each step is early, on time or late against its due time.
function timeliness(e) {
  if (!e.dueAt) return '';
  const due = new Date(e.dueAt);
  if (!e.completedAt) {
    return new Date() > due ? t('Đang quá hạn', 'Overdue') : t('Đang xử lý, trong hạn', 'In progress, on time');
  }
  const done = new Date(e.completedAt);
  if (done > due) return t('Quá hạn', 'Late');
  return done.toDateString() === due.toDateString() ? t('Đúng hạn', 'On time') : t('Trước hạn', 'Early');
}

async function diagram(code) {
  const { xml, current } = await api(`/api/tracking/${encodeURIComponent(code)}/diagram`);
  viewer?.destroy();
  viewer = new NavigatedViewer({ container: '#diagram' });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  current.forEach((id) => canvas.addMarker(id, 'current-step'));
  canvas.zoom('fit-viewport');
  $('#diagram').dataset.current = current.join(' ');
}

async function supplement(event) {
  event.preventDefault();
  const form = event.target;
  const message = $('#supplement-message');
  const input = $('#supplement-file');
  if (!input.files.length) {
    say(message, t('Vui lòng chọn tệp bổ sung.', 'Please choose the file to add.'));
    return;
  }
  const problem = fileProblem([...input.files]);
  if (problem) {
    say(message, problem);
    return;
  }
  const body = new FormData();
  [...input.files].forEach((file) => body.append($('#supplement-component').value || 'BOSUNG', file, file.name));
  try {
    await api(`/api/dossiers/${encodeURIComponent(form.dataset.code)}/supplements?secret=${encodeURIComponent(form.dataset.secret)}`,
      { method: 'POST', body });
    say(message, null);
    await lookUp(form.dataset.code, form.dataset.secret);
    // said after the new lookup, in the page's region: the supplement form itself is gone once nothing is awaited
    say($('#message'), t('Đã nhận hồ sơ bổ sung. Hồ sơ tiếp tục được xử lý.', 'The supplement was received; processing resumes.'), 'success');
  } catch (error) {
    say(message, error.message);
  }
}
