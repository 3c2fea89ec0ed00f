import { $, api, el, say, t } from './common.js';
import { bars, day, figure, monthLabel, monthSeries, number, percent } from './figures.js';

/** The public results page: the province's figures of a year, month by month and per agency, numbers beside the chart. */
export async function results() {
  const select = $('#year');
  const thisYear = new Date().getFullYear();
  for (let year = thisYear; year >= thisYear - 9; year--) select.append(el('option', { value: year }, String(year)));
  const asked = new URLSearchParams(location.search).get('nam');
  if (asked && !select.querySelector(`option[value="${CSS.escape(asked)}"]`)) {
    select.append(el('option', { value: asked }, asked));
  }
  select.value = asked || String(thisYear);
  select.addEventListener('change', () => show(select.value));
  document.addEventListener('motcua:lang', () => show(select.value));
  await show(select.value);
}

async function show(year) {
  let data;
  try {
    data = await api(`/api/public/results?year=${encodeURIComponent(year)}`);
  } catch (error) {
    say($('#message'), error.message);
    $('#results').hidden = true;
    return;
  }
  say($('#message'), null);
  const f = data.total;
  $('#scope').textContent = t(`${data.province}, từ ${day(data.from)} đến ${day(data.to)}.`,
    `${data.province}, from ${day(data.from)} to ${day(data.to)}.`);
  $('#figures').replaceChildren(
    figure('received', 'Hồ sơ tiếp nhận', 'Dossiers received', number(f.received),
      t(`${number(f.receivedOnline)} trực tuyến (${percent(f.onlinePercent)})`, `${number(f.receivedOnline)} online (${percent(f.onlinePercent)})`)),
    figure('resolved', 'Đã giải quyết', 'Resolved', number(f.resolved)),
    figure('early', 'Trước hạn', 'Early', percent(f.earlyPercent), number(f.resolvedEarly)),
    figure('on-time', 'Đúng hạn', 'On time', percent(f.onTimePercent), number(f.resolvedOnTime)),
    figure('late', 'Quá hạn', 'Late', percent(f.latePercent), number(f.resolvedLate)),
    figure('in-progress', 'Đang giải quyết', 'In progress', number(f.inProgress)));
  $('#months tbody').replaceChildren(...data.months.map((m) => el('tr', { 'data-month': m.month },
    el('td', {}, monthLabel(m.month)),
    ...[m.figures.received, m.figures.resolved, m.figures.resolvedEarly, m.figures.resolvedOnTime, m.figures.resolvedLate]
      .map((n) => el('td', {}, number(n))))));
  $('#agencies tbody').replaceChildren(...data.agencies.map((a) => el('tr', { 'data-agency': a.code },
    el('td', {}, a.name),
    el('td', {}, number(a.figures.received)),
    el('td', {}, number(a.figures.resolved)),
    el('td', {}, percent(a.figures.earlyPercent)),
    el('td', {}, percent(a.figures.onTimePercent)),
    el('td', {}, percent(a.figures.latePercent)),
    el('td', {}, percent(a.figures.onlinePercent)))));
  $('#results').hidden = false;
  bars($('#months-chart'), data.months.map((m) => monthLabel(m.month)), monthSeries(data.months));
}
