// The counter's rating kiosk (danh-gia.html): a touch screen without login, Vietnamese with English below. The citizen
// types or scans the code and the secret of the slip, rates the returned dossier (channel KIOSK), sees the total; then
// the page forgets everything of that citizen, after data-reset seconds (?reset=) or on "Xong".
import { $, api, el, param, withSecret } from './common.js';
import { chosenScores, criteriaItems, missingScore, ratingView, satisfactionEn, sendRating } from './rating.js';

/** The dossier being rated, and its secret: kept here only (never in the page), until the page is cleared. */
let current = null;
let resetTimer;
let idleTimer;
let countdown;

/** Seconds from ?name=, else from the body's data-name, else the fallback; only positive numbers count. */
function seconds(name, fallback) {
  const value = Number(param(name) ?? document.body.dataset[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const both = (vi, en) => [el('span', { class: 'vi' }, vi), ' ', el('small', { lang: 'en' }, en)];

/** Shows the message in Vietnamese with the English below (or hides the region when there is none). */
function sayBoth(region, vi, en, kind = 'error') {
  region.hidden = !vi;
  region.className = `message ${kind}`;
  region.replaceChildren(...(vi ? both(vi, en || '') : []));
}

export function kiosk() {
  // a scanner types the code and Enter: that moves on to the secret instead of sending the form without it
  $('#kiosk-code').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !$('#kiosk-secret').value) {
      event.preventDefault();
      $('#kiosk-code').value = scanned($('#kiosk-code').value);
      $('#kiosk-secret').focus();
    }
  });
  $('#kiosk-lookup').addEventListener('submit', open);
  $('#kiosk-rating').addEventListener('submit', send);
  // a criterion left out was named: the message goes once a score is chosen
  $('#kiosk-criteria').addEventListener('change', () => {
    if ($('#kiosk-rating-message').classList.contains('error')) sayBoth($('#kiosk-rating-message'), null);
  });
  $('#kiosk-cancel').addEventListener('click', clear);
  $('#kiosk-done').addEventListener('click', clear);
  // a citizen who walks away from an open dossier: the next one must not find it
  ['pointerdown', 'keydown', 'input'].forEach((type) => document.addEventListener(type, stillHere, true));
  clear();
}

/** What a scanner typed: the dossier code, or the slip's QR link to the tracking page (…/tra-cuu.html?ma=CODE). */
function scanned(typed) {
  const text = typed.trim();
  try {
    return new URL(text).searchParams.get('ma') || text;
  } catch (notALink) {
    return text;
  }
}

async function open(event) {
  event.preventDefault();
  const message = $('#kiosk-message');
  const code = scanned($('#kiosk-code').value);
  const secret = $('#kiosk-secret').value.trim();
  if (!code || !secret) {
    sayBoth(message, code ? 'Vui lòng nhập mã bí mật in trên giấy tiếp nhận.' : 'Vui lòng nhập mã hồ sơ.',
      code ? 'Please type the secret printed on the receipt slip.' : 'Please type the dossier code.');
    $(code ? '#kiosk-secret' : '#kiosk-code').focus();
    return;
  }
  $('#kiosk-code').value = code;
  $('#kiosk-open').disabled = true;
  try {
    const headers = withSecret(secret);
    // the tracking look-up checks the secret (and counts wrong ones) and names the procedure
    const dossier = await api(`/api/tracking/${encodeURIComponent(code)}`, { headers });
    const view = await ratingView(dossier.code, headers);
    if (!view.mayRate) {
      sayBoth(message, view.reason, view.reasonEn);
      return;
    }
    sayBoth(message, null);
    current = { code: dossier.code, secret };
    $('#kiosk-secret').value = '';
    showForm(dossier, view);
  } catch (error) {
    sayBoth(message, error.vi, error.en);
  } finally {
    $('#kiosk-open').disabled = false;
  }
}

function showForm(dossier, view) {
  $('#kiosk-procedure').textContent = dossier.procedureName;
  $('#kiosk-dossier').textContent = dossier.code;
  $('#kiosk-criteria').replaceChildren(...criteriaItems(view, {
    text: (c) => [`${c.number}. `, ...both(c.text, c.textEn)],
    choice: (points, vi, en) => [el('span', { class: 'points' }, String(points)), ...both(vi, en)]
  }));
  $('#kiosk-comment').value = view.rating?.comment || '';
  sayBoth($('#kiosk-rating-message'), view.rating && 'Hồ sơ đã được đánh giá: ông/bà có thể sửa lại.',
    'This dossier was rated already: you may change the rating.', 'info');
  screen('#kiosk-rating');
  stillHere();
  scrollTo(0, 0);
}

async function send(event) {
  event.preventDefault();
  const message = $('#kiosk-rating-message');
  const { scores, missing } = chosenScores($('#kiosk-criteria'));
  if (missing) {
    sayBoth(message, ...missingScore(missing));
    $(`#kiosk-criteria li[data-criterion='${missing}']`).scrollIntoView({ block: 'center' });
    return;
  }
  $('#kiosk-send').disabled = true;
  try {
    const rating = await sendRating(current.code, withSecret(current.secret),
      { scores, comment: $('#kiosk-comment').value, channel: 'KIOSK' });
    thank(rating);
  } catch (error) {
    sayBoth(message, error.vi, error.en);
  } finally {
    $('#kiosk-send').disabled = false;
  }
}

/** The thanks with the total; the scores and the secret are forgotten now, the rest after the delay. */
function thank(rating) {
  current = null;
  clearTimeout(idleTimer);
  forgetForm();
  $('#kiosk-lookup').reset();
  $('#kiosk-total').textContent = `Tổng điểm: ${rating.total}/18 – ${rating.satisfactionText}`;
  $('#kiosk-total-en').textContent = `Total: ${rating.total}/18 – ${satisfactionEn(rating)}`;
  screen('#kiosk-thanks');
  const delay = seconds('reset', 20);
  const started = Date.now();
  const tick = () => {
    const left = Math.max(0, Math.ceil(delay - (Date.now() - started) / 1000));
    $('#kiosk-countdown').replaceChildren(...both(`Màn hình sẽ tự làm mới sau ${left} giây.`,
      `This screen clears itself in ${left} seconds.`));
  };
  tick();
  countdown = setInterval(tick, 1000);
  resetTimer = setTimeout(clear, delay * 1000);
}

function forgetForm() {
  $('#kiosk-procedure').textContent = '';
  $('#kiosk-dossier').textContent = '';
  $('#kiosk-criteria').replaceChildren();
  $('#kiosk-comment').value = '';
  sayBoth($('#kiosk-rating-message'), null);
}

/** Back to the start, nothing of the previous citizen left: code, secret, dossier, scores, comment, total. */
function clear() {
  clearTimeout(resetTimer);
  clearTimeout(idleTimer);
  clearInterval(countdown);
  current = null;
  forgetForm();
  $('#kiosk-lookup').reset();
  sayBoth($('#kiosk-message'), null);
  $('#kiosk-total').textContent = '';
  $('#kiosk-total-en').textContent = '';
  $('#kiosk-countdown').replaceChildren();
  screen('#kiosk-lookup');
  scrollTo(0, 0);
  $('#kiosk-code').focus();
}

/** While a dossier is open or a code typed, each touch or key restarts the wait after which the page clears itself. */
function stillHere() {
  clearTimeout(idleTimer);
  if (current || $('#kiosk-code').value || $('#kiosk-secret').value) {
    idleTimer = setTimeout(clear, seconds('idle', 120) * 1000);
  }
}

function screen(shown) {
  document.querySelectorAll('.kiosk-screen').forEach((s) => { s.hidden = `#${s.id}` !== shown; });
  document.body.dataset.screen = shown.slice(1);
}
