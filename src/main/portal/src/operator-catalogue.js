// The operators' catalogue page (danh-muc.html): upload an import file and read its report, the history of imports,
// each procedure's versions. The API answers only operators (group camunda-admin); the page says so to anyone else.
import { auth, authorization } from './auth.js';
import { day, number } from './figures.js';
import { $, api, el, legalTime, say, t, when } from './common.js';

const IMPORTS = '/api/catalogue/imports';
const RESULTS = {
  NEW_PROCEDURE: ['Thủ tục mới', 'New procedure'],
  NEW_VERSION: ['Phiên bản mới', 'New version'],
  UNCHANGED: ['Không thay đổi', 'Unchanged']
};
const FORMATS = { JSON: 'JSON', NATIONAL_JSON: 'JSON (CSDL quốc gia)', XLSX: 'Excel (.xlsx)' };

// the session on the embedded default, Keycloak's token in production
const headers = async () => authorization(await auth());
const state = { report: null, history: [], versions: null };

export async function operatorCatalogue() {
  const session = await auth();
  $('#login-here').addEventListener('click', () => session.login());
  if (!session.who) {
    refuse(t('Vui lòng đăng nhập bằng tài khoản quản trị hệ thống (nhóm camunda-admin) để quản lý danh mục thủ tục.',
      'Please log in with an operator\'s account (group camunda-admin) to manage the procedure catalogue.'), true);
    return;
  }
  if (!(await history())) return;
  $('#operator').hidden = false;
  $('#upload').addEventListener('submit', (event) => {
    event.preventDefault();
    upload();
  });
  $('#procedure-search').addEventListener('submit', (event) => {
    event.preventDefault();
    procedures();
  });
  document.addEventListener('motcua:lang', () => {
    showHistory();
    if (state.report) showReport(state.report);
    if (state.versions) showVersions(...state.versions);
  });
  await procedures();
}

function refuse(message, loginNeeded) {
  say($('#message'), message);
  $('#login-needed').hidden = !loginNeeded;
  $('#operator').hidden = true;
}

/** Reads the history of imports; false when the API refuses (not an operator, or no longer logged in). */
async function history() {
  try {
    state.history = await api(IMPORTS, { headers: await headers() });
  } catch (error) {
    refuse(error.status === 401 ? t('Vui lòng đăng nhập lại bằng tài khoản quản trị hệ thống.',
      'Please log in again with an operator\'s account.') : error.message, error.status === 401);
    return false;
  }
  showHistory();
  return true;
}

function showHistory() {
  const rows = state.history.map((i) => {
    const open = el('button', { type: 'button', class: 'secondary small', 'data-import': i.id,
      'aria-label': t(`Xem báo cáo lần nhập số ${i.id}`, `Show the report of import ${i.id}`) },
    t('Xem báo cáo', 'Show report'));
    open.addEventListener('click', () => openImport(i.id));
    return el('tr', { 'data-import': i.id },
      el('td', {}, String(i.id)), el('td', {}, when(i.importedAt)), el('td', {}, i.importedBy),
      el('td', {}, i.fileName || '—'), el('td', {}, FORMATS[i.format] || i.format), el('td', {}, day(i.effectiveFrom)),
      el('td', {}, number(i.procedures)), el('td', {}, number(i.newProcedures)), el('td', {}, number(i.newVersions)),
      el('td', {}, number(i.unchanged)), el('td', {}, open));
  });
  $('#imports tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: 11 }, t('Chưa có lần nhập nào.', 'No import yet.')))]));
}

async function openImport(id) {
  try {
    const entry = await api(`${IMPORTS}/${id}`, { headers: await headers() });
    showReport({ ...entry.report, importId: entry.id, importedAt: entry.importedAt, importedBy: entry.importedBy });
  } catch (error) {
    say($('#message'), error.message);
  }
}

async function upload() {
  const file = $('#import-file').files[0];
  if (!file) {
    say($('#upload-message'), t('Vui lòng chọn tệp danh mục (.json hoặc .xlsx).', 'Please choose a catalogue file (.json or .xlsx).'));
    return;
  }
  say($('#upload-message'), null);
  const query = new URLSearchParams();
  if ($('#effective-from').value) query.set('effectiveFrom', $('#effective-from').value);
  if ($('#dry-run').checked) query.set('dryRun', 'true');
  const body = new FormData();
  body.append('file', file);
  const submit = $('#upload-submit');
  submit.disabled = true;
  try {
    showReport(await api(`${IMPORTS}?${query}`, { method: 'POST', body, headers: await headers() }));
    if (!$('#dry-run').checked) {
      await history();
      await procedures();
    }
  } catch (error) {
    if (error.body?.problems) showReport(error.body);
    else say($('#upload-message'), error.message);
  } finally {
    submit.disabled = false;
  }
}

/** The report of an import: the counts, or every problem by row and field; then each procedure's outcome. */
function showReport(r) {
  state.report = r;
  const refused = !r.accepted;
  let title;
  if (refused) {
    title = t(`Tệp không được nhập: ${r.problems.length} lỗi. Danh mục không thay đổi.`,
      `The file was not imported: ${r.problems.length} problems. The catalogue is unchanged.`);
  } else if (r.dryRun) {
    title = t('Tệp hợp lệ (chỉ kiểm tra, chưa lưu).', 'The file is valid (checked only, nothing stored).');
  } else {
    title = t(`Đã nhập danh mục (lần nhập số ${r.importId}).`, `Catalogue imported (import ${r.importId}).`);
  }
  $('#report').className = `report ${refused ? 'refused' : 'accepted'}`;
  $('#report-title').textContent = title;
  $('#report-summary').textContent = [
    r.fileName ? t(`Tệp ${r.fileName}`, `File ${r.fileName}`) : null,
    r.format ? FORMATS[r.format] || r.format : null,
    t(`${number(r.procedures)} thủ tục`, `${number(r.procedures)} procedures`),
    r.effectiveFrom ? t(`áp dụng từ ${day(r.effectiveFrom)}`, `in force from ${day(r.effectiveFrom)}`) : null,
    r.importedAt ? t(`nhập lúc ${when(r.importedAt)} bởi ${r.importedBy}`, `imported ${when(r.importedAt)} by ${r.importedBy}`)
      : null
  ].filter(Boolean).join(' · ');
  const count = (id, vi, en, value) => el('div', { 'data-count': id }, el('dt', {}, t(vi, en)), el('dd', {}, number(value)));
  $('#report-counts').hidden = refused;
  $('#report-counts').replaceChildren(
    count('new-procedures', 'Thủ tục mới', 'New procedures', r.newProcedures),
    count('new-versions', 'Phiên bản mới', 'New versions', r.newVersions),
    count('unchanged', 'Không thay đổi', 'Unchanged', r.unchanged));
  $('#report-problems').hidden = !refused;
  $('#report-problems tbody').replaceChildren(...(r.problems || []).map((p) => el('tr', { 'data-row': p.row },
    el('td', {}, String(p.row)), el('td', {}, p.code || '—'), el('td', {}, el('code', {}, p.field)),
    el('td', {}, t(p.message, p.messageEn)))));
  const outcomes = r.outcomes || [];
  $('#report-outcomes').hidden = !outcomes.length;
  $('#report-outcomes tbody').replaceChildren(...outcomes.map((o) => el('tr', { 'data-code': o.code },
    el('td', {}, String(o.row)), el('td', {}, o.code), el('td', {}, t(...RESULTS[o.result])), el('td', {}, String(o.version)))));
  $('#report').hidden = false;
  $('#report').scrollIntoView({ block: 'nearest' });
}

/** The procedures of the catalogue that the search finds (the citizens' search API), with their version in force. */
async function procedures() {
  const query = new URLSearchParams({ size: 100 });
  const q = $('#procedure-q').value.trim();
  if (q) query.set('q', q);
  let found;
  try {
    found = await api(`/api/procedures/search?${query}`);
  } catch (error) {
    say($('#procedure-message'), error.message);
    return;
  }
  say($('#procedure-message'), found.total ? null : t('Không tìm thấy thủ tục phù hợp.', 'No procedure matches.'), 'info');
  $('#procedure-found').textContent = found.total > found.items.length
    ? t(`${number(found.items.length)} trong ${number(found.total)} thủ tục tìm thấy; thu hẹp từ khóa để xem các thủ tục khác.`,
      `${number(found.items.length)} of ${number(found.total)} procedures found; narrow the search to see the others.`)
    : t(`Tìm thấy ${number(found.total)} thủ tục`, `${number(found.total)} procedures found`);
  $('#procedures tbody').replaceChildren(...found.items.map((p) => {
    const open = el('button', { type: 'button', class: 'secondary small', 'data-versions': p.code,
      'aria-label': t(`Các phiên bản của thủ tục ${p.code}`, `Versions of procedure ${p.code}`) },
    t('Các phiên bản', 'Versions'));
    open.addEventListener('click', () => versions(p.code, p.name));
    return el('tr', { 'data-code': p.code }, el('td', {}, p.code),
      el('td', {}, el('a', { href: `thu-tuc.html?ma=${encodeURIComponent(p.code)}` }, p.name)),
      el('td', {}, p.sector), el('td', {}, String(p.version)), el('td', {}, open));
  }));
}

async function versions(code, name) {
  try {
    showVersions(code, name, await api(`/api/procedures/${encodeURIComponent(code)}/versions`));
  } catch (error) {
    say($('#procedure-message'), error.message);
  }
}

function showVersions(code, name, list) {
  state.versions = [code, name, list];
  const inForce = list.find((v) => v.inForce)?.version ?? 0;
  const status = (v) => {
    if (v.inForce) return t('Đang áp dụng', 'In force');
    return v.version > inForce ? t('Chưa có hiệu lực', 'Not yet in force') : t('Đã được thay thế', 'Replaced');
  };
  $('#versions-title').textContent = t(`Các phiên bản của thủ tục ${code}`, `Versions of procedure ${code}`);
  $('#versions-name').textContent = name;
  $('#versions-table tbody').replaceChildren(...list.map((v) => el('tr', { 'data-version': v.version,
    class: v.inForce ? 'in-force' : null },
  el('td', {}, String(v.version)), el('td', {}, day(v.effectiveFrom)), el('td', {}, status(v)),
  el('td', {}, v.importId ? t(`Lần nhập số ${v.importId}`, `Import ${v.importId}`) : t('Có sẵn khi cài đặt', 'Installed')),
  el('td', {}, legalTime(v.procedure)),
  el('td', {}, v.procedure.fee || t('Không thu', 'None')))));
  $('#versions').hidden = false;
  $('#versions').scrollIntoView({ block: 'nearest' });
}
