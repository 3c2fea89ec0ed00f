// Một Cửa: the tab "Hồ sơ" on every task — the whole dossier for the official handling it, read from
// GET /api/officials/dossiers/{code} with the Tasklist session (departments with a step on the dossier only).

const TIME = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  timeZone: 'Asia/Ho_Chi_Minh'
});

const OUTCOMES = {
  accept: 'Tiếp nhận', supplement: 'Yêu cầu bổ sung', refuse: 'Từ chối', approve: 'Đồng ý', return: 'Trả lại',
  sign: 'Ký duyệt', 'no-answer': 'Không có trả lời'
};

// Tasklist lists by creation time unless told otherwise: officials work by deadline.
function sortByDueDate() {
  const hash = window.location.hash || '#/';
  if (hash.includes('sorting=')) {
    return;
  }
  const sorting = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
  const [path, query] = hash.split('?');
  window.location.replace((path || '#/') + '?' + (query ? query + '&' : '') + 'sorting=' + sorting);
}
sortByDueDate();

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

function time(value) {
  return value ? TIME.format(new Date(value.length <= 23 && !value.endsWith('Z') && !/[+-]\d\d:?\d\d$/.test(value)
    ? value + '+07:00' : value)) : '';
}

function table(rows) {
  return el('table', { class: 'table table-condensed motcua-facts' },
    el('tbody', {}, rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value)))));
}

async function json(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || ('HTTP ' + response.status));
  }
  return body;
}

// The start form's labels, in the form's order (nested groups included), for the values the citizen filed.
function fields(components, out = []) {
  (components || []).forEach(component => {
    if (component.key && component.label) {
      out.push(component);
    }
    fields(component.components, out);
  });
  return out;
}

function shown(field, value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(field.values)) {
    const option = field.values.find(o => String(o.value) === String(value));
    if (option) {
      return option.label;
    }
  }
  if (typeof value === 'boolean') {
    return value ? 'Có' : 'Không';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function formSection(form, data) {
  const known = fields(form && form.components);
  const rows = known.map(f => [f.label, shown(f, data[f.key])]);
  Object.keys(data).filter(key => !known.some(f => f.key === key))
    .forEach(key => rows.push([key, shown({}, data[key])]));
  return rows;
}

async function render(node, taskId, engineApi) {
  node.replaceChildren(el('p', { class: 'motcua-loading' }, 'Đang tải hồ sơ…'));
  const task = await json(engineApi + '/task/' + encodeURIComponent(taskId));
  const code = (await json(engineApi + '/process-instance/' + encodeURIComponent(task.processInstanceId))).businessKey;
  const dossier = await json('/api/officials/dossiers/' + encodeURIComponent(code));
  const form = dossier.startForm ? await json('/api/forms/' + encodeURIComponent(dossier.startForm)).catch(() => null) : null;
  const a = dossier.applicant || {};
  node.replaceChildren(el('div', { class: 'motcua-dossier', 'data-code': dossier.code },
    el('h4', {}, 'Hồ sơ ' + dossier.code),
    table([
      ['Thủ tục', dossier.procedureName + ' (' + dossier.procedureCode + ')'],
      ['Cơ quan giải quyết', dossier.agencyName],
      ['Trạng thái', dossier.statusLabel],
      ['Ngày nhận', time(dossier.receivedAt)],
      ['Hạn xử lý bước này', time(task.due)],
      ['Hạn trả kết quả hồ sơ', time(dossier.dueAt)],
      ['Nội dung yêu cầu', dossier.summary]
    ]),
    el('h5', {}, 'Người nộp hồ sơ'),
    table([
      [a.kind === 'ORGANIZATION' ? 'Tên tổ chức' : 'Họ và tên', a.name],
      [a.kind === 'ORGANIZATION' ? 'Mã số thuế' : 'Số định danh cá nhân', a.idNumber],
      ['Địa chỉ', a.address],
      ['Số điện thoại', a.phone],
      ['Thư điện tử', a.email]
    ]),
    el('h5', {}, (form && form.components && form.components[0] && form.components[0].text
      ? form.components[0].text.replace(/^#+\s*/, '') : 'Tờ khai') + ' (đã nộp, chỉ xem)'),
    el('div', { class: 'motcua-form' }, table(formSection(form, dossier.formData || {}))),
    el('h5', {}, 'Thành phần hồ sơ'),
    el('ul', { class: 'motcua-files' }, (dossier.attachments || []).map(f => el('li', {},
      el('a', { href: f.url, download: f.fileName, 'data-sha256': f.sha256, 'data-component': f.componentCode || '' },
        (f.componentName ? f.componentName + ': ' : '') + f.fileName),
      ' (' + Math.max(1, Math.round(f.sizeBytes / 1024)) + ' KB)'))),
    el('h5', {}, 'Quá trình xử lý'),
    el('table', { class: 'table table-condensed motcua-steps' },
      el('thead', {}, el('tr', {}, ['Bước', 'Phòng, đơn vị', 'Người xử lý', 'Bắt đầu', 'Hạn', 'Hoàn thành',
        'Quyết định', 'Ý kiến'].map(h => el('th', {}, h)))),
      el('tbody', {}, (dossier.steps || []).map(s => el('tr', {},
        el('td', {}, s.stepName), el('td', {}, s.departmentName || s.department || ''),
        el('td', {}, s.completedByName || ''), el('td', {}, time(s.startedAt)), el('td', {}, time(s.dueAt)),
        el('td', {}, s.completedAt ? time(s.completedAt) : 'Đang xử lý'),
        el('td', {}, s.outcome ? (OUTCOMES[s.outcome] || s.outcome) : ''), el('td', {}, s.note || ''))))),
    el('h5', {}, 'Phiếu'),
    el('ul', { class: 'motcua-slips' }, (dossier.slips || []).map(s => el('li', {},
      el('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.title))))));
}

export default {
  id: 'motcua-dossier',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: { label: 'Hồ sơ' },
  render: (node, { taskId }) => {
    const base = document.querySelector('base');
    const engineApi = (base && base.getAttribute('engine-api') || '/camunda/api/engine/') + 'engine/default';
    render(node, taskId, engineApi).catch(error => node.replaceChildren(
      el('div', { class: 'alert alert-danger motcua-error' }, 'Không xem được hồ sơ: ' + error.message)));
  }
};
