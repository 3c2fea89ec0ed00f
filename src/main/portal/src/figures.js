// What the results page and the leaders' dashboard share: numbers in the page's language, figure tiles, bar charts.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { el, t } from './common.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export const locale = () => t('vi-VN', 'en-GB');
export const number = (n) => (n === null || n === undefined ? '—' : n.toLocaleString(locale()));
export const percent = (p) => (p === null || p === undefined ? '—'
  : `${Number(p).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);
/** "2019-03" as "03/2019". */
export const monthLabel = (m) => `${m.slice(5)}/${m.slice(0, 4)}`;
/** "2019-03-31" as "31/03/2019". */
export const day = (iso) => iso.split('-').reverse().join('/');

/** A figure tile: the value large, its label, an optional detail. */
export const figure = (id, vi, en, value, detail) => el('li', { class: 'figure', 'data-figure': id },
  el('span', { class: 'figure-value' }, value),
  el('span', { class: 'figure-label' }, t(vi, en)),
  detail ? el('span', { class: 'meta' }, detail) : '');

/** The months' resolved dossiers, early / on time / late stacked. */
export const monthSeries = (months) => [
  [t('Trước hạn', 'Early'), months.map((m) => m.figures.resolvedEarly), '#188038'],
  [t('Đúng hạn', 'On time'), months.map((m) => m.figures.resolvedOnTime), '#1a73e8'],
  [t('Quá hạn', 'Late'), months.map((m) => m.figures.resolvedLate), '#c5221f']];

const charts = new Map();

/**
 * Draws (again) a bar chart in the canvas: series of [label, values, colour]; stacked columns, or horizontal bars up to
 * {@code max}.
 */
export function bars(canvas, labels, series, { stacked = true, max } = {}) {
  charts.get(canvas)?.destroy();
  charts.set(canvas, new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map(([label, data, color]) => ({ label, data, backgroundColor: color })) },
    options: {
      animation: false,
      locale: locale(),
      maintainAspectRatio: false,
      indexAxis: stacked ? 'x' : 'y',
      scales: { x: { stacked, beginAtZero: true, max: stacked ? undefined : max }, y: { stacked, beginAtZero: true } },
      plugins: { legend: { position: 'bottom' } }
    }
  }));
}
