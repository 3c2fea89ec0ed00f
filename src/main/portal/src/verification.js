// "Kiểm tra văn bản điện tử": anyone checks the signatures of a PDF (POST /api/verification, nothing is kept), or the
// applicant checks the stored result of a dossier by code and secret (GET …/result/verification); the verdict in
// plain words first, then one card per signature.
import { $, api, el, fileLink, param, say, t, withSecret } from './common.js';
import { auth, authorization, citizen } from './auth.js';
import { signatureCard, summary } from './verdict.js';

/** The tracking page hands the secret over here once, in the tab's storage (it never goes in the URL). */
export const HANDOVER = 'motcua.verification.handover';

let shown = null;

export async function verification() {
  const input = $('#pdf');
  input.addEventListener('change', () => input.files.length && checkFile(input.files[0]));
  $('#check-file').addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.files.length) checkFile(input.files[0]);
    else say($('#message'), t('Vui lòng chọn tệp PDF cần kiểm tra.', 'Please choose the PDF to check.'));
  });
  dropZone($('#drop'), input);
  $('#check-dossier').addEventListener('submit', (event) => {
    event.preventDefault();
    checkDossier($('#code').value.trim(), $('#secret').value.trim());
  });
  document.addEventListener('motcua:lang', () => shown && render(shown));
  await fromTracking();
}

/** With ?ma=: the code is filled in; the secret the tracking page handed over, or the filer's login, checks it at once. */
async function fromTracking() {
  const code = param('ma');
  if (!code) return;
  $('#code').value = code;
  const handed = JSON.parse(sessionStorage.getItem(HANDOVER) || 'null');
  sessionStorage.removeItem(HANDOVER);
  const secret = handed?.code === code ? handed.secret : '';
  $('#secret').value = secret;
  if (secret || citizen(await auth())) await checkDossier(code, secret, { quiet: !secret });
  else $('#secret').focus();
}

function dropZone(zone, input) {
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('over')));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const chosen = new DataTransfer();
    chosen.items.add(file);
    input.files = chosen.files;
    checkFile(file);
  });
}

async function checkFile(file) {
  const body = new FormData();
  body.append('file', file, file.name);
  await check(() => api('/api/verification', { method: 'POST', body }), { file });
}

async function checkDossier(code, secret, { quiet = false } = {}) {
  if (!code) {
    say($('#message'), t('Vui lòng nhập mã hồ sơ.', 'Please enter the dossier code.'));
    return;
  }
  const headers = withSecret(secret, await authorization(await auth()));
  const path = `/api/dossiers/${encodeURIComponent(code)}/result`;
  await check(() => api(`${path}/verification`, { headers }), { quiet, download: { path, headers } });
}

async function check(call, context) {
  const message = $('#message');
  $('#verdict').hidden = true;
  say(message, t('Đang kiểm tra chữ ký số…', 'Checking the signatures…'), 'info');
  try {
    shown = { ...(await call()), ...context };
    say(message, null);
    render(shown);
    $('#verdict').scrollIntoView({ block: 'start' });
  } catch (error) {
    shown = null;
    say(message, context.quiet ? null : error.message);
  }
}

function render(checked) {
  const { verdict } = checked;
  const plain = summary(verdict);
  const box = $('#verdict-summary');
  box.className = `verdict ${plain.kind}`;
  box.dataset.indication = verdict.indication;
  $('#verdict-title').textContent = plain.title;
  $('#verdict-reasons').replaceChildren(...plain.reasons.map((r) => el('li', {}, r)));
  const facts = [
    ['file', t('Tệp', 'File'), checked.fileName || checked.file?.name || '—'],
    ['sha256', 'SHA-256', el('span', { class: 'hash' }, checked.sha256)]
  ];
  if (checked.dossierCode) {
    facts.unshift(['dossier', t('Hồ sơ', 'Dossier'), checked.dossierCode]);
    facts.push(['revision', t('Lần ký', 'Revision'), String(checked.revision)]);
  }
  $('#verdict-facts').replaceChildren(...facts.map(([id, k, v]) =>
    el('div', { 'data-fact': id }, el('dt', {}, k), el('dd', {}, v))));
  const count = verdict.signatures.length;
  $('#signatures-title').textContent = t(`Chữ ký số (${count})`, `Signatures (${count})`);
  $('#signatures').replaceChildren(...verdict.signatures.map((s, i) => signatureCard(s, i + 1)));
  $('#time-zone').textContent = t('Thời gian theo giờ Việt Nam (UTC+7).', 'Times in Vietnam time (UTC+7).');
  const download = $('#result-download');
  download.hidden = !checked.download;
  if (checked.download) {
    fileLink(download, checked.download.path, async () => checked.download.headers, checked.fileName || 'ket-qua.pdf');
  }
  $('#verdict').hidden = false;
}
