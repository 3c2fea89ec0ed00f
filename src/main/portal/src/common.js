// What every page shares: the language switch, calls to our API with bilingual errors, small DOM helpers.

export const lang = () => localStorage.getItem('motcua.lang') || 'vi';

export const t = (vi, en) => (lang() === 'en' ? en : vi);

export function applyLanguage() {
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-en]').forEach((el) => {
    if (el.dataset.vi === undefined) el.dataset.vi = el.textContent;
    el.textContent = lang() === 'en' ? el.dataset.en : el.dataset.vi;
  });
  document.querySelectorAll('[data-en-placeholder]').forEach((el) => {
    if (el.dataset.viPlaceholder === undefined) el.dataset.viPlaceholder = el.placeholder;
    el.placeholder = lang() === 'en' ? el.dataset.enPlaceholder : el.dataset.viPlaceholder;
  });
}

export function setUpLanguageSwitch() {
  const button = document.getElementById('lang');
  if (button) {
    button.addEventListener('click', () => {
      localStorage.setItem('motcua.lang', lang() === 'en' ? 'vi' : 'en');
      applyLanguage();
      document.dispatchEvent(new Event('motcua:lang'));
    });
  }
  applyLanguage();
}

/**
 * A refusal of our API: the message in the page's language, both texts (a kiosk shows them together) and the answer's
 * body (a refused import's report names each row).
 */
export class ApiError extends Error {
  constructor(status, vi, en, body = null) {
    super(t(vi, en));
    this.status = status;
    this.vi = vi;
    this.en = en;
    this.body = body;
  }
}

/** The CSRF token the login session's changes send back (embedded default; the server sets the cookie). */
const CSRF_COOKIE = 'MOTCUA-XSRF-TOKEN';
const CSRF_HEADER = 'X-MOTCUA-XSRF-TOKEN';

const cookie = (name) => document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);

/**
 * Headers every call of the pages sends: marked as the page's own (so a refusal never opens the browser's password
 * dialog) and, for a change, the session's CSRF token.
 */
export function pageHeaders(method = 'GET', headers = {}) {
  const all = { 'X-Requested-With': 'XMLHttpRequest', ...headers };
  const token = cookie(CSRF_COOKIE);
  if (!['GET', 'HEAD'].includes(method.toUpperCase()) && token) all[CSRF_HEADER] = decodeURIComponent(token);
  return all;
}

/** Calls our API; a refusal becomes an ApiError carrying the server's message in the page's language. */
export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: pageHeaders(options.method, options.headers) });
  } catch (offline) {
    throw new ApiError(0, 'Không kết nối được máy chủ. Vui lòng thử lại.', 'Cannot reach the server. Please try again.');
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.message || body?.detail || `Lỗi ${response.status}.`,
      body?.messageEn || body?.detail || `Error ${response.status}.`, body);
  }
  return body;
}

/** The applicant's secret goes in this header, never in the URL (query strings end up in logs and history). */
export const SECRET_HEADER = 'X-Motcua-Secret';

export const withSecret = (secret, headers = {}) => (secret ? { ...headers, [SECRET_HEADER]: secret } : headers);

/** Makes a link download a slip with the secret in the header (a plain link cannot carry a header). */
export const slipLink = (link, path, secret) =>
  fileLink(link, path, async () => withSecret(secret), `${path.split('/').pop()}.pdf`);

/**
 * Makes a link download a file whose request needs headers (a secret, a bearer token; {@code headers} is called at
 * each click, so a token is fresh): fetched as a blob on click, then saved from an object URL, kept in data-file so
 * that the page can be checked.
 */
export function fileLink(link, path, headers, fileName) {
  link.href = '#';
  delete link.dataset.file;
  link.onclick = async (event) => {
    event.preventDefault();
    let response;
    try {
      response = await fetch(path, { headers: pageHeaders('GET', await headers()) });
    } catch (offline) {
      alert(t('Không kết nối được máy chủ. Vui lòng thử lại.', 'Cannot reach the server. Please try again.'));
      return;
    }
    if (!response.ok) {
      const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
      alert((body && (lang() === 'en' ? body.messageEn : body.message)) || t(`Lỗi ${response.status}.`, `Error ${response.status}.`));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    link.dataset.file = url;
    const save = el('a', { href: url, download: fileName });
    document.body.append(save);
    save.click();
    save.remove();
  };
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key === 'text') node.textContent = value;
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child)));
  return node;
}

/** Shows a message in the page's alert region (read out by screen readers). */
export function say(region, message, kind = 'error') {
  region.hidden = !message;
  region.className = `message ${kind}`;
  region.textContent = message || '';
  if (message) region.scrollIntoView({ block: 'nearest' });
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}, ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export const param = (name) => new URLSearchParams(location.search).get(name);

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED = ['pdf', 'jpg', 'jpeg', 'png'];

/** The first problem with the chosen files, before anything is sent; the server checks the content again. */
export function fileProblem(files) {
  for (const file of files) {
    const extension = file.name.split('.').pop().toLowerCase();
    if (!ALLOWED.includes(extension)) {
      return t(`Tệp "${file.name}" không đúng loại: chỉ nhận PDF, JPEG hoặc PNG. Hồ sơ chưa được gửi.`,
        `File "${file.name}" has the wrong type: only PDF, JPEG or PNG. Nothing was sent.`);
    }
    if (file.size > MAX_FILE_BYTES) {
      return t(`Tệp "${file.name}" vượt quá 10 MB. Hồ sơ chưa được gửi.`,
        `File "${file.name}" is larger than 10 MB. Nothing was sent.`);
    }
  }
  return null;
}

export function legalTime(procedure) {
  const unit = {
    WORKING_DAYS: t('ngày làm việc', 'working days'),
    WORKING_HOURS: t('giờ làm việc', 'working hours'),
    CALENDAR_DAYS: t('ngày', 'days')
  }[procedure.timeUnit];
  return `${procedure.legalTime} ${unit}`;
}

export const onlineLevel = (procedure) =>
  procedure.onlineLevel === 'FULL' ? t('Toàn trình', 'Fully online') : t('Một phần', 'Partly online');
