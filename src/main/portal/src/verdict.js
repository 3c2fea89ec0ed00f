// A signature verdict (vn.motcua.signing.Verdict) in words a citizen reads: what it means first, then each signature.
import { el, t } from './common.js';

const VIETNAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

/** dd/MM/yyyy HH:mm in Vietnam, whatever the browser's own time zone. */
export function vietnamTime(iso) {
  if (!iso) return null;
  const part = Object.fromEntries(VIETNAM.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

const reasonText = (reason) => t(reason.vietnamese, reason.english);

/** { kind: passed|failed|unknown, title, reasons[] } for the verdict as a whole. */
export function summary(verdict) {
  const reasons = verdict.reasons.map(reasonText);
  if (verdict.indication === 'TOTAL_PASSED') {
    const stamped = verdict.signatures.every((s) => s.timestamp);
    verdict.signatures.filter((s) => s.revocation === 'REVOKED').forEach((s) => reasons.push(t(
      `Chứng thư số của ${s.signerName} đã bị thu hồi sau thời điểm ký được chứng minh; chữ ký vẫn có giá trị.`,
      `The certificate of ${s.signerName} was revoked after the proven signing time; the signature still holds.`)));
    return {
      kind: 'passed',
      title: stamped
        ? t('Văn bản hợp lệ: chữ ký số còn nguyên vẹn, đúng người ký, có dấu thời gian.',
          'Valid document: the signatures are intact, by the signers named, with a timestamp.')
        : t('Văn bản hợp lệ: chữ ký số còn nguyên vẹn, đúng người ký; chưa có dấu thời gian.',
          'Valid document: the signatures are intact, by the signers named; no timestamp.'),
      reasons
    };
  }
  if (verdict.indication === 'TOTAL_FAILED') {
    return { kind: 'failed', title: t('Văn bản không hợp lệ.', 'The document is not valid.'), reasons };
  }
  return {
    kind: 'unknown',
    title: t('Chưa xác định được văn bản có hợp lệ hay không.', 'It cannot be determined yet whether the document is valid.'),
    reasons
  };
}

const INDICATION = {
  TOTAL_PASSED: ['Hợp lệ', 'Valid'],
  TOTAL_FAILED: ['Không hợp lệ', 'Not valid'],
  INDETERMINATE: ['Chưa xác định', 'Undetermined']
};

const REVOCATION = {
  GOOD: ['Chưa bị thu hồi', 'Not revoked'],
  REVOKED: ['Đã bị thu hồi', 'Revoked'],
  UNKNOWN: ['Không xác định được', 'Unknown']
};

const LEVEL = {
  PAdES_BASELINE_B: ['PAdES B-B (chữ ký cơ bản)', 'PAdES B-B (basic signature)'],
  PAdES_BASELINE_T: ['PAdES B-T (có dấu thời gian)', 'PAdES B-T (with a timestamp)'],
  PAdES_BASELINE_LT: ['PAdES B-LT (kèm dữ liệu kiểm tra lâu dài)', 'PAdES B-LT (with long-term validation data)'],
  PAdES_BASELINE_LTA: ['PAdES B-LTA (có dấu thời gian lưu trữ)', 'PAdES B-LTA (with an archive timestamp)']
};

export const levelText = (level) => (LEVEL[level] ? t(...LEVEL[level]) : (level || '—').replaceAll('_', ' '));

const kindOf = (indication) => ({ TOTAL_PASSED: 'passed', TOTAL_FAILED: 'failed' })[indication] || 'unknown';

/** One card: who signed, for which organisation, when, the timestamp, integrity, chain, revocation, level, reasons. */
export function signatureCard(s, number) {
  const rows = [
    ['organisation', t('Tổ chức', 'Organisation'), s.organisation || '—'],
    ['signing-time', t('Thời điểm ký', 'Signing time'), vietnamTime(s.signingTime) || '—'],
    ['timestamp', t('Dấu thời gian', 'Timestamp'), vietnamTime(s.timestamp) || t('Không có', 'None')],
    ['intact', t('Tính toàn vẹn', 'Integrity'), s.intact
      ? t('Còn nguyên vẹn, không bị sửa sau khi ký', 'Intact, not changed after signing')
      : t('Đã bị thay đổi sau khi ký', 'Changed after signing')],
    ['chain', t('Chứng thư số', 'Certificate'), s.trustedChain
      ? t('Do tổ chức chứng thực được tin cậy cấp', 'Issued by a trusted certificate authority')
      : t('Không thuộc tổ chức chứng thực được tin cậy', 'Not from a trusted certificate authority')],
    ['revocation', t('Tình trạng thu hồi', 'Revocation'), t(...(REVOCATION[s.revocation] || REVOCATION.UNKNOWN))],
    ['level', t('Mức chữ ký', 'Level'), levelText(s.level)]
  ];
  return el('li', { class: `card signature ${kindOf(s.indication)}`, 'data-signature': number },
    el('p', { class: 'signature-head' },
      el('span', { class: 'signer' }, s.signerName || '—'),
      el('span', { class: 'badge' }, t(...(INDICATION[s.indication] || INDICATION.INDETERMINATE)))),
    el('dl', { class: 'pairs' }, rows.map(([id, k, v]) =>
      el('div', { 'data-fact': id }, el('dt', {}, `${k}:`), el('dd', {}, v)))),
    s.reasons.length ? el('ul', { class: 'reasons' }, s.reasons.map((r) => el('li', {}, reasonText(r)))) : '',
    s.details?.length ? el('details', { class: 'details' },
      el('summary', {}, t('Chi tiết kỹ thuật (tiếng Anh)', 'Technical details')),
      el('ul', {}, s.details.map((d) => el('li', {}, d)))) : '');
}
