import { $, api, el, legalTime, onlineLevel, param, say, t } from './common.js';
import { day, number } from './figures.js';

/** Procedures a page of the citizens' search shows. */
const PAGE_SIZE = 20;

/** The search's address: what the API takes, and the name it has in the page's URL (kept to be shared). */
const URL_NAMES = { q: 'q', sector: 'linh-vuc', agency: 'co-quan', level: 'muc-do' };

/** Adds an option for each agency of the catalogue to the select (its code, its name). */
export async function agencyOptions(select) {
  const all = await api('/api/procedures');
  new Map(all.map((p) => [p.agencyCode, p.agencyName])).forEach((name, code) =>
    select.append(el('option', { value: code, text: name })));
}

/** The citizens' catalogue: ranked search without diacritics, sectors with their counts, agency, level, pages. */
export async function catalogue() {
  const state = fromAddress();
  try {
    await agencyOptions($('#agency'));
  } catch (error) {
    say($('#message'), error.message);
  }
  showInForm(state);
  $('#search').addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(state, { q: $('#q').value.trim(), agency: $('#agency').value, level: $('#level').value, page: 0 });
    search(state, true);
  });
  const turn = (by) => {
    state.page += by;
    search(state, true);
  };
  $('#previous').addEventListener('click', () => turn(-1));
  $('#next').addEventListener('click', () => turn(1));
  window.addEventListener('popstate', () => {
    Object.assign(state, fromAddress());
    showInForm(state);
    search(state, false);
  });
  document.addEventListener('motcua:lang', () => search(state, false));
  $('#sectors').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sector]');
    if (!button) return;
    state.sector = button.dataset.sector;
    state.page = 0;
    search(state, true);
  });
  await search(state, false);
}

function fromAddress() {
  const page = Number.parseInt(param('trang') || '1', 10);
  const state = { page: Number.isFinite(page) && page > 0 ? page - 1 : 0 };
  Object.entries(URL_NAMES).forEach(([key, name]) => { state[key] = param(name) || ''; });
  return state;
}

function showInForm(state) {
  $('#q').value = state.q;
  $('#agency').value = state.agency;
  $('#level').value = state.level;
}

let latest = 0;

/**
 * Asks the search API for the state's page and shows it, unless a newer search was asked for meanwhile; the address
 * follows (a new history entry when asked).
 */
async function search(state, remember) {
  const asked = ++latest;
  const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  ['q', 'sector', 'agency', 'level'].forEach((key) => state[key] && query.set(key, state[key]));
  let found;
  try {
    found = await api(`/api/procedures/search?${query}`);
  } catch (error) {
    if (asked !== latest) return;
    say($('#message'), error.message);
    $('#found').textContent = '';
    $('#results').replaceChildren();
    $('#pager').hidden = true;
    return;
  }
  if (asked !== latest) return;
  if (remember) history.pushState(null, '', address(state));
  show(state, found);
}

function address(state) {
  const shown = new URLSearchParams();
  Object.entries(URL_NAMES).forEach(([key, name]) => state[key] && shown.set(name, state[key]));
  if (state.page > 0) shown.set('trang', state.page + 1);
  return `${location.pathname}${shown.toString() ? `?${shown}` : ''}`;
}

function show(state, found) {
  const pages = Math.max(1, Math.ceil(found.total / found.size));
  say($('#message'), found.total ? null : t(
    'Không tìm thấy thủ tục nào phù hợp. Vui lòng thử từ khóa khác hoặc bỏ bớt bộ lọc.',
    'No procedure matches. Please try other words or fewer filters.'), 'info');
  $('#found').textContent = found.total ? t(`Tìm thấy ${number(found.total)} thủ tục`,
    `${number(found.total)} procedures found`) : '';
  sectors(state, found.sectors);
  $('#results').replaceChildren(...found.items.map((p) => el('li', { class: 'card', 'data-code': p.code },
    el('a', { href: `thu-tuc.html?ma=${encodeURIComponent(p.code)}`, class: 'procedure-link' }, p.name),
    el('div', { class: 'meta' },
      `${t('Mã', 'Code')} ${p.code} · ${p.sector} · ${p.agencyName} · ${legalTime(p)} · ${onlineLevel(p)}`))));
  $('#pager').hidden = found.total <= found.size;
  $('#page-of').textContent = t(`Trang ${found.page + 1} / ${pages}`, `Page ${found.page + 1} of ${pages}`);
  $('#previous').disabled = found.page === 0;
  $('#next').disabled = found.page + 1 >= pages;
}

/** One button per sector of the match with its count (before the sector filter), the chosen one pressed. */
function sectors(state, counts) {
  const all = counts.reduce((sum, s) => sum + s.count, 0);
  const shown = counts.some((s) => s.sector === state.sector) || !state.sector ? counts
    : [...counts, { sector: state.sector, count: 0 }];
  const button = (sector, label, count) => el('li', {}, el('button', { type: 'button', class: 'secondary sector',
    'data-sector': sector, 'aria-pressed': String(state.sector === sector) }, `${label} (${number(count)})`));
  $('#sectors').replaceChildren(button('', t('Tất cả lĩnh vực', 'All sectors'), all),
    ...shown.map((s) => button(s.sector, s.sector, s.count)));
  $('#sector-filter').hidden = !all && !state.sector;
}

/** "Phiên bản 2, áp dụng từ 01/01/2099". */
export const versionText = (version, effectiveFrom) =>
  t(`Phiên bản ${version}, áp dụng từ ${day(effectiveFrom)}`, `Version ${version}, in force from ${day(effectiveFrom)}`);

export async function procedure() {
  const code = param('ma');
  const message = $('#message');
  try {
    const p = await api(`/api/procedures/${encodeURIComponent(code)}`);
    document.title = `${p.name} – Một Cửa`;
    $('#name').textContent = p.name;
    const rows = [
      [t('Mã thủ tục', 'Procedure code'), p.code],
      [t('Lĩnh vực', 'Sector'), p.sector],
      [t('Cơ quan giải quyết', 'Agency'), p.agencyName],
      [t('Thời hạn giải quyết', 'Legal processing time'), legalTime(p)],
      [t('Phí, lệ phí', 'Fees'), p.fee || t('Không thu', 'None')],
      [t('Mức độ trực tuyến', 'Online level'), onlineLevel(p)],
      [t('Phiên bản đang áp dụng', 'Version in force'), versionText(p.version, p.effectiveFrom), 'version']
    ];
    $('#facts').replaceChildren(...rows.map(([k, v, id]) => el('div', {}, el('dt', {}, k), el('dd', { id }, v))));
    const next = p.nextVersion;
    $('#next-version').hidden = !next;
    $('#next-version').textContent = next ? t(
      `Đã công bố phiên bản ${next.version}, áp dụng từ ${day(next.effectiveFrom)}: hồ sơ nộp từ ngày đó theo phiên bản mới.`,
      `Version ${next.version} is published, in force from ${day(next.effectiveFrom)}: dossiers filed from that day follow it.`)
      : '';
    $('#components').replaceChildren(...p.components.map((c) => el('li', {},
      `${c.name} `, el('span', { class: c.required ? 'required' : 'optional' },
        c.required ? t('(bắt buộc)', '(required)') : t('(nếu có)', '(if any)')))));
    $('#file-online').href = `nop-ho-so.html?ma=${encodeURIComponent(p.code)}`;
    $('#file-counter').href = `quay.html?ma=${encodeURIComponent(p.code)}`;
    $('#details').hidden = false;
  } catch (error) {
    say(message, error.message);
  }
}
