import { $, api, el, legalTime, onlineLevel, param, say, t } from './common.js';

/** Adds an option for each agency of the catalogue to the select (its code, its name). */
export async function agencyOptions(select) {
  const all = await api('/api/procedures');
  new Map(all.map((p) => [p.agencyCode, p.agencyName])).forEach((name, code) =>
    select.append(el('option', { value: code, text: name })));
}

export async function catalogue() {
  const form = $('#search');
  const results = $('#results');
  const message = $('#message');
  const agencies = $('#agency');
  await agencyOptions(agencies);

  async function search() {
    const query = new URLSearchParams({ q: $('#q').value.trim(), agency: agencies.value });
    try {
      const found = await api(`/api/procedures?${query}`);
      say(message, found.length ? null : t('Không tìm thấy thủ tục phù hợp.', 'No procedure matches.'), 'info');
      results.replaceChildren(...found.map((p) => el('li', { class: 'card' },
        el('a', { href: `thu-tuc.html?ma=${encodeURIComponent(p.code)}`, class: 'procedure-link' }, p.name),
        el('div', { class: 'meta' },
          `${t('Mã', 'Code')} ${p.code} · ${p.sector} · ${p.agencyName} · ${legalTime(p)} · ${onlineLevel(p)}`))));
    } catch (error) {
      say(message, error.message);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  if (param('q')) $('#q').value = param('q');
  search();
}

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
      [t('Mức độ trực tuyến', 'Online level'), onlineLevel(p)]
    ];
    $('#facts').replaceChildren(...rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
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
