import { auth, authorization } from './auth.js';
import { $, api, el, say, t, when } from './common.js';
import { bars, day, figure, monthLabel, monthSeries, number, percent } from './figures.js';

const share = (part, whole) => (whole ? (part * 100) / whole : null);
const cells = (row, ...values) => row.append(...values.map((v) => el('td', {}, v)));

/** The leaders' dashboard: their agency's figures of a period, charts with the numbers beside them. */
export async function dashboard() {
  const params = new URLSearchParams(location.search);
  const today = new Date();
  $('#from').value = params.get('tu') || `${today.getFullYear()}-01-01`;
  $('#to').value = params.get('den') || today.toISOString().slice(0, 10);
  $('#period').addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  document.addEventListener('motcua:lang', show);
  await show();
}

async function show() {
  $('#report-link').href = `bao-cao.html?${new URLSearchParams({ from: $('#from').value, to: $('#to').value })}`;
  let d;
  try {
    // the session on the embedded default, Keycloak's token in production
    const headers = await authorization(await auth());
    d = await api(`/api/reports/dashboard?from=${$('#from').value}&to=${$('#to').value}`, { headers });
  } catch (error) {
    say($('#message'), error.status === 401
      ? t('Vui lòng đăng nhập bằng tài khoản lãnh đạo để xem bảng điều khiển.', 'Please log in with a leader\'s account to see the dashboard.')
      : error.message);
    $('#dashboard').hidden = true;
    return;
  }
  say($('#message'), null);
  const f = d.total;
  $('#scope').textContent = `${d.name} · ${day(d.from)} – ${day(d.to)}`;
  $('#figures').replaceChildren(
    figure('received', 'Tiếp nhận', 'Received', number(f.received)),
    figure('early', 'Trước hạn', 'Early', percent(f.earlyPercent), number(f.resolvedEarly)),
    figure('on-time', 'Đúng hạn', 'On time', percent(f.onTimePercent), number(f.resolvedOnTime)),
    figure('late', 'Quá hạn', 'Late', percent(f.latePercent), number(f.resolvedLate)),
    figure('overdue-now', 'Đang quá hạn', 'Overdue now', number(d.overdueNow)),
    figure('nearly-due', 'Sắp đến hạn (2 ngày)', 'Due within 2 days', number(d.nearlyDue)));

  const months = $('#months tbody');
  months.replaceChildren();
  d.months.forEach((m) => {
    const row = el('tr', { 'data-month': m.month });
    cells(row, monthLabel(m.month), number(m.figures.received), number(m.figures.resolved), number(m.figures.resolvedEarly),
      number(m.figures.resolvedOnTime), number(m.figures.resolvedLate));
    months.append(row);
  });
  bars($('#months-chart'), d.months.map((m) => monthLabel(m.month)), monthSeries(d.months));

  const sectors = $('#sectors tbody');
  sectors.replaceChildren();
  d.sectors.forEach((s) => {
    const inTime = s.figures.resolvedEarly + s.figures.resolvedOnTime;
    const row = el('tr', { 'data-sector': s.sector });
    cells(row, s.sector, number(s.figures.resolved), percent(share(inTime, s.figures.resolved)), percent(s.figures.latePercent));
    sectors.append(row);
  });
  bars($('#sectors-chart'), d.sectors.map((s) => s.sector), [
    [t('Trước và đúng hạn (%)', 'Early or on time (%)'),
      d.sectors.map((s) => share(s.figures.resolvedEarly + s.figures.resolvedOnTime, s.figures.resolved)), '#188038']],
  { stacked: false, max: 100 });

  $('#agencies-part').hidden = !d.agencies.length;
  const agencies = $('#agencies tbody');
  agencies.replaceChildren();
  d.agencies.forEach((a) => {
    const row = el('tr', { 'data-agency': a.code });
    cells(row, a.name, number(a.figures.received), number(a.figures.resolved),
      percent(share(a.figures.resolvedEarly + a.figures.resolvedOnTime, a.figures.resolved)), percent(a.figures.latePercent));
    agencies.append(row);
  });
  const none = (cols) => el('tr', {}, el('td', { colspan: cols }, t('Không có.', 'None.')));
  $('#late-procedures tbody').replaceChildren(...(d.lateProcedures.length ? d.lateProcedures.map((p) => {
    const row = el('tr', { 'data-procedure': p.code });
    cells(row, `${p.code} – ${p.name}`, number(p.resolved), number(p.late));
    return row;
  }) : [none(3)]));
  $('#late-steps tbody').replaceChildren(...(d.lateSteps.length ? d.lateSteps.map((s) => {
    const row = el('tr', {});
    cells(row, s.name, s.department || '—', number(s.completed), number(s.late));
    return row;
  }) : [none(4)]));
  const card = (o, kind) => el('li', { class: `card ${kind}`, 'data-dossier': o.code },
    el('strong', {}, o.code), el('p', { class: 'meta' }, o.procedureName),
    el('p', {}, `${t('Hạn', 'Due')}: ${when(o.dueAt)}`));
  $('#overdue').replaceChildren(...d.overdue.map((o) => card(o, 'overdue')));
  $('#nearly').replaceChildren(...d.nearly.map((o) => card(o, 'nearly')));

  const s = d.satisfaction;
  $('#ratings').replaceChildren(
    figure('ratings', 'Lượt đánh giá', 'Ratings', number(s.ratings)),
    figure('average', 'Điểm trung bình (trên 18)', 'Average (of 18)', number(Number(s.averageTotal))),
    ...Object.entries(s.levels).map(([key, level]) => figure(key, level.text, level.text, percent(level.percent), number(level.ratings))));
  $('#dashboard').hidden = false;
}
