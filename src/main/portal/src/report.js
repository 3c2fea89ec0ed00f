import { auth, authorization } from './auth.js';
import { agencyOptions } from './catalogue.js';
import { $, api, el, fileLink, say, t, when } from './common.js';
import { day, number } from './figures.js';

/** The form's counting columns (3) to (13): the API's field, the number printed above it, what it counts. */
const COLUMNS = [
  ['received', 3, 'Số hồ sơ nhận giải quyết', 'Dossiers received'],
  ['receivedOnline', 4, 'Nhận trực tuyến', 'Received online'],
  ['receivedDirectOrPostal', 5, 'Nhận trực tiếp, dịch vụ bưu chính', 'Received in person or by post'],
  ['carriedOver', 6, 'Từ kỳ trước chuyển sang', 'Carried over from the previous period'],
  ['resolved', 7, 'Đã giải quyết', 'Resolved'],
  ['resolvedEarly', 8, 'Đã giải quyết trước hạn', 'Resolved early'],
  ['resolvedOnTime', 9, 'Đã giải quyết đúng hạn', 'Resolved on time'],
  ['resolvedLate', 10, 'Đã giải quyết quá hạn', 'Resolved late'],
  ['inProgress', 11, 'Đang giải quyết', 'In progress'],
  ['inProgressWithinTime', 12, 'Đang giải quyết trong hạn', 'In progress within time'],
  ['inProgressOverdue', 13, 'Đang giải quyết quá hạn', 'In progress, overdue']
].map(([field, no, vi, en]) => ({ field, no, vi, en }));

const CHANNELS = { ONLINE: ['Trực tuyến', 'Online'], COUNTER: ['Trực tiếp', 'In person'], POSTAL: ['Bưu chính', 'By post'],
  LIENTHONG: ['Liên thông', 'Inter-agency'] };
const PAGE = 100;

// the session on the embedded default, Keycloak's token in production
const headers = async () => authorization(await auth());
const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const state = { operator: false, agency: '', cell: null, shown: 0 };

/**
 * Report II.06a for leaders: the period (and, for an operator, the agency), the form's table, each number opening the
 * list of its dossiers; ?from=&to=&agency=&sector=&column= (the workbook's links) open a cell's list at once.
 */
export async function report() {
  const params = new URLSearchParams(location.search);
  const today = new Date();
  $('#from').value = params.get('from') || `${today.getFullYear()}-01-01`;
  $('#to').value = params.get('to') || iso(today);
  state.agency = params.get('agency') || '';
  state.cell = params.get('column') ? { sector: params.get('sector') || null, column: params.get('column') } : null;
  await agencyOptions($('#agency'));
  try {
    // only an operator is given the whole province
    state.operator = (await api(`/api/reports/ii06a?${period()}`, { headers: await headers() })).agency === null;
  } catch (refused) {
    state.operator = false; // the report itself says why
  }
  $('#agency-field').hidden = !state.operator;
  if (state.operator) $('#agency').value = state.agency;
  $('#period').addEventListener('submit', (event) => {
    event.preventDefault();
    state.cell = null;
    show();
  });
  document.querySelectorAll('[data-span]').forEach((button) => button.addEventListener('click', () => {
    whole(button.dataset.span);
    state.cell = null;
    show();
  }));
  document.addEventListener('motcua:lang', show);
  $('#more').addEventListener('click', () => openCell(true));
  await show();
}

/** The month, quarter or year of the first day chosen. */
function whole(span) {
  const first = new Date(`${$('#from').value || iso(new Date())}T00:00:00`);
  const y = first.getFullYear();
  const m = span === 'month' ? first.getMonth() : span === 'quarter' ? first.getMonth() - (first.getMonth() % 3) : 0;
  const months = { month: 1, quarter: 3, year: 12 }[span];
  $('#from').value = iso(new Date(y, m, 1));
  $('#to').value = iso(new Date(y, m + months, 0));
}

const chosenAgency = () => (state.operator ? $('#agency').value : state.agency);

/** The request's period and agency, as the API and the page's address take them. */
function period(agency = '') {
  const query = new URLSearchParams({ from: $('#from').value, to: $('#to').value });
  if (agency) query.set('agency', agency);
  return query;
}

const query = () => period(chosenAgency());

async function show() {
  let r;
  try {
    r = await api(`/api/reports/ii06a?${query()}`, { headers: await headers() });
  } catch (error) {
    say($('#message'), error.status === 401
      ? t('Vui lòng đăng nhập bằng tài khoản lãnh đạo để xem báo cáo.', 'Please log in with a leader\'s account to see the report.')
      : error.message);
    $('#report').hidden = true;
    $('#cell').hidden = true;
    return;
  }
  say($('#message'), null);
  const name = r.agency ? [...$('#agency').options].find((o) => o.value === r.agency)?.text || r.agency
    : t('Toàn tỉnh', 'The whole province');
  $('#scope').textContent = `${name} · ${day(r.from)} – ${day(r.to)}`;
  const line = (no, label, cells, sector, attributes) => el('tr', attributes,
    el('td', {}, no), el('td', {}, label),
    COLUMNS.map((c) => el('td', {}, cells[c.field] ? cellButton(sector, c, cells[c.field]) : number(0))));
  $('#ii06a tbody').replaceChildren(
    ...r.rows.map((row, i) => line(String(i + 1), row.sector, row.cells, row.sector, { 'data-sector': row.sector })),
    line('', t('Tổng số', 'Total'), r.total, null, { class: 'total', 'data-total': 'true' }));
  const files = query().toString();
  const base = `II.06a_${r.agency ? `${r.agency}_` : ''}${r.from}_${r.to}`;
  fileLink($('#xlsx'), `/api/reports/ii06a.xlsx?${files}`, headers, `${base}.xlsx`);
  fileLink($('#pdf'), `/api/reports/ii06a.pdf?${files}`, headers, `${base}.pdf`);
  $('#report').hidden = false;
  remember();
  if (state.cell) await openCell(false);
  else $('#cell').hidden = true;
}

function cellButton(sector, column, value) {
  const button = el('button', { type: 'button', class: 'cell-link', 'data-column': column.field,
    'aria-label': `${sector || t('Tổng số', 'Total')}, (${column.no}) ${t(column.vi, column.en)}: ${number(value)}` },
  number(value));
  button.addEventListener('click', () => {
    state.cell = { sector, column: column.field };
    remember();
    openCell(false);
  });
  return button;
}

/** The address of what is shown, so that it can be kept or sent (the workbook's links have the same form). */
function remember() {
  const address = query();
  if (state.cell?.sector) address.set('sector', state.cell.sector);
  if (state.cell) address.set('column', state.cell.column);
  history.replaceState(null, '', `?${address}`);
}

/** The dossiers behind the chosen cell: the first page, or the next one. */
async function openCell(more) {
  const { sector, column } = state.cell;
  const offset = more ? state.shown : 0;
  const page = query();
  if (sector) page.set('sector', sector);
  page.set('column', column);
  page.set('offset', offset);
  page.set('limit', PAGE);
  let answer;
  try {
    answer = await api(`/api/reports/ii06a/dossiers?${page}`, { headers: await headers() });
  } catch (error) {
    say($('#message'), error.message);
    $('#cell').hidden = true;
    return;
  }
  document.querySelectorAll('button.cell-link.chosen').forEach((b) => b.classList.remove('chosen'));
  const row = sector ? [...document.querySelectorAll('#ii06a tbody tr[data-sector]')].find((r) => r.dataset.sector === sector)
    : $('#ii06a tr[data-total]');
  row?.querySelector(`button[data-column="${column}"]`)?.classList.add('chosen');
  const c = COLUMNS.find((x) => x.field === column);
  $('#cell-title').textContent = `${sector || t('Tổng số', 'Total')} · (${c.no}) ${t(c.vi, c.en)}`;
  const list = $('#cell-dossiers tbody');
  if (!more) list.replaceChildren();
  answer.dossiers.forEach((d) => list.append(el('tr', { 'data-dossier': d.code },
    el('td', {}, d.code), el('td', {}, d.sector), el('td', {}, t(...(CHANNELS[d.channel] || [d.channel, d.channel]))),
    el('td', {}, when(d.receivedAt)), el('td', {}, when(d.dueAt)), el('td', {}, when(d.resolvedAt)))));
  state.shown = offset + answer.dossiers.length;
  $('#cell-count').textContent = t(`${number(state.shown)} trong ${number(answer.total)} hồ sơ`,
    `${number(state.shown)} of ${number(answer.total)} dossiers`);
  $('#more').hidden = state.shown >= answer.total;
  $('#cell').hidden = false;
  if (!more) $('#cell').scrollIntoView({ block: 'start' });
}
