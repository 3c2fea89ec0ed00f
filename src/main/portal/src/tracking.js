import { auth, authorization } from './auth.js';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { $, api, el, fileProblem, pageHeaders, param, say, t, when, withSecret } from './common.js';
import { acceptedAt, plainSteps } from './steps.js';
import { chosenScores, criteriaItems, missingScore, ratingView, satisfactionEn, sendRating } from './rating.js';
import { HANDOVER } from './verification.js';

let viewer;
let shownCode;

export async function tracking() {
  const form = $('#lookup');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp($('#code').value.trim(), $('#secret').value.trim());
  });
  $('#supplement').addEventListener('submit', supplement);
  $('#rating').addEventListener('submit', rate);
  $('#diagram-toggle').addEventListener('click', toggleDiagram);
  if (param('ma')) {
    $('#code').value = param('ma');
    lookUp(param('ma'), '');
  }
}

async function lookUp(code, secret) {
  const message = $('#message');
  $('#result').hidden = true;
  $('#result-document').hidden = true;
  if (!code) {
    say(message, t('Vui lòng nhập mã hồ sơ.', 'Please enter the dossier code.'));
    return;
  }
  try {
    // logged in (session cookie or Keycloak token), the filer also sees their own details without the secret
    const headers = await authorization(await auth());
    const dossier = await api(`/api/tracking/${encodeURIComponent(code)}`, { headers: withSecret(secret, headers) });
    say(message, null);
    show(dossier, secret);
    shownCode = dossier.code;
    await resultDocument(dossier, secret, headers);
    await ratingForm(dossier, secret, headers);
    if (!$('#diagram').hidden) await diagram(dossier.code);
  } catch (error) {
    say(message, error.message);
  }
}

function show(d, secret) {
  $('#status').textContent = d.statusLabel;
  $('#current-step').textContent = d.currentStep || d.statusLabel;
  $('#steps').replaceChildren(...plainSteps(d).map((step) => el('li', { class: `step ${step.state}`, 'data-state': step.state },
    el('span', { class: 'step-label' }, step.label),
    step.at ? el('span', { class: 'step-date' }, when(step.at)) : '')));
  const applicant = d.applicantDetails
    ? `${d.applicantDetails.name} · ${d.applicantDetails.idNumber} · ${d.applicantDetails.address}`
    : d.applicant;
  const rows = [
    ['code', t('Mã hồ sơ', 'Dossier code'), d.code],
    ['procedure', t('Thủ tục', 'Procedure'), d.procedureName],
    ['agency', t('Cơ quan giải quyết', 'Agency'), d.agencyName],
    ['applicant', t('Người nộp', 'Applicant'), applicant],
    ['received', t('Ngày nộp', 'Filed'), when(d.receivedAt)]
  ];
  // the appointment is given with the acceptance: while the dossier is only registered there is none yet
  if (acceptedAt(d)) rows.push(['appointment', t('Hẹn trả kết quả', 'Appointment'), when(d.appointmentAt)]);
  if (d.finishedAt) rows.push(['finished', t('Kết thúc', 'Finished'), when(d.finishedAt)]);
  $('#facts').replaceChildren(...rows.map(([id, k, v]) => el('div', { 'data-fact': id }, el('dt', {}, k), el('dd', {}, v))));
  $('#timeline').replaceChildren(...d.timeline.map((e) => el('li', { class: 'card event' },
    el('p', { class: 'event-time' }, when(e.at)),
    el('p', { class: 'event-text' }, e.text + (e.note ? ` — ${e.note}` : '')),
    e.department ? el('p', { class: 'meta' }, e.department) : '',
    e.dueAt ? el('p', { class: 'meta' }, `${t('Hạn xử lý', 'Due')}: ${when(e.dueAt)} · ${timeliness(e)}`) : '')));
  $('#supplement').hidden = !(d.status === 5 && secret);
  $('#supplement').dataset.code = d.code;
  $('#supplement').dataset.secret = secret;
  $('#result').hidden = false;
}

let resultUrl;

/**
 * The signed and sealed result, for the applicant (the secret given, or logged in as the filer): a download and a link
 * to check its signatures. No endpoint says cheaply whether it exists, so the page fetches it once (a 404: none yet,
 * nothing is said) and the button saves that copy.
 */
async function resultDocument(d, secret, headers) {
  if (resultUrl) URL.revokeObjectURL(resultUrl);
  resultUrl = null;
  if (!d.applicantDetails) return;
  let response;
  try {
    response = await fetch(`/api/dossiers/${encodeURIComponent(d.code)}/result`,
      { headers: pageHeaders('GET', withSecret(secret, headers)) });
  } catch (offline) {
    return;
  }
  if (!response.ok) return;
  resultUrl = URL.createObjectURL(await response.blob());
  const download = $('#result-download');
  download.href = resultUrl;
  download.download = `ket-qua-${d.code}.pdf`;
  download.onclick = () => { download.dataset.file = resultUrl; };
  const verify = $('#result-verify');
  verify.href = `kiem-tra-chu-ky.html?ma=${encodeURIComponent(d.code)}`;
  // the secret goes to the verification page in this tab's storage, read once there, never in the URL
  verify.onclick = () => {
    if (secret) sessionStorage.setItem(HANDOVER, JSON.stringify({ code: d.code, secret }));
  };
  $('#result-document').hidden = false;
}

/** The BPMN diagram only for those who ask for it: drawn when opened (bpmn-js cannot fit a hidden canvas). */
async function toggleDiagram() {
  const button = $('#diagram-toggle');
  const open = $('#diagram').hidden;
  $('#diagram').hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  button.dataset.vi = open ? 'Ẩn sơ đồ quy trình' : 'Xem sơ đồ quy trình';
  button.dataset.en = open ? 'Hide the process diagram' : 'Show the process diagram';
  button.textContent = t(button.dataset.vi, button.dataset.en);
  if (open && shownCode) {
    try {
      await diagram(shownCode);
    } catch (error) {
      say($('#message'), error.message);
    }
  }
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
    await api(`/api/dossiers/${encodeURIComponent(form.dataset.code)}/supplements`,
      { method: 'POST', body, headers: withSecret(form.dataset.secret) });
    say(message, null);
    await lookUp(form.dataset.code, form.dataset.secret);
    // said after the new lookup, in the page's region: the supplement form itself is gone once nothing is awaited
    say($('#message'), t('Đã nhận hồ sơ bổ sung. Hồ sơ tiếp tục được xử lý.', 'The supplement was received; processing resumes.'), 'success');
  } catch (error) {
    say(message, error.message);
  }
}

/**
 * After the result is returned, the applicant (the secret given, or logged in as the filer) rates the dossier here;
 * a rating given is shown, and can be changed while the server allows it.
 */
async function ratingForm(d, secret, headers) {
  const form = $('#rating');
  form.hidden = true;
  if (d.status !== 10 || !(secret || d.applicantDetails)) return;
  let view;
  try {
    view = await ratingView(d.code, withSecret(secret, headers));
  } catch (notTheApplicant) {
    return;
  }
  const given = view.rating;
  $('#rating-criteria').replaceChildren(...criteriaItems(view, {
    text: (c) => `${c.number}. ${t(c.text, c.textEn)}`,
    choice: (points, vi, en) => t(`${vi} (${points} điểm)`, `${en} (${points} point${points === 1 ? '' : 's'})`)
  }));
  $('#rating-comment').value = given?.comment || '';
  $('#rating-comment').disabled = !view.mayRate;
  $('#rating-submit').hidden = !view.mayRate;
  $('#rating-submit').textContent = given ? t('Cập nhật đánh giá', 'Update the rating') : t('Gửi đánh giá', 'Send the rating');
  form.dataset.code = d.code;
  form.dataset.secret = secret || '';
  const message = $('#rating-message');
  if (given) say(message, summary(given), view.mayRate ? 'success' : 'info');
  else say(message, null);
  if (!view.mayRate && !given) return;
  form.hidden = false;
}

function summary(rating) {
  const until = rating.editableUntil ? when(rating.editableUntil) : '';
  return t(`Đánh giá của bạn: ${rating.total}/18 điểm – ${rating.satisfactionText}. Có thể sửa đến ${until}.`,
    `Your rating: ${rating.total}/18 points – ${satisfactionEn(rating)}. It can be changed until ${until}.`);
}

async function rate(event) {
  event.preventDefault();
  const form = event.target;
  const message = $('#rating-message');
  const { scores, missing } = chosenScores($('#rating-criteria'));
  if (missing) {
    say(message, t(...missingScore(missing)));
    return;
  }
  const headers = withSecret(form.dataset.secret, await authorization(await auth()));
  try {
    const rating = await sendRating(form.dataset.code, headers,
      { scores, comment: $('#rating-comment').value, channel: 'PORTAL' });
    $('#rating-submit').textContent = t('Cập nhật đánh giá', 'Update the rating');
    say(message, t('Cảm ơn bạn đã đánh giá. ', 'Thank you for your rating. ') + summary(rating), 'success');
  } catch (error) {
    say(message, error.message);
  }
}
