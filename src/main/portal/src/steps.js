// The plain steps a citizen reads on the tracking page: received → being handled at a department → result ready →
// result returned, each done (with its date), current or still to come, worked out from the public timeline.
import { t } from './common.js';

const SUBMITTED = 1;
const ACCEPTED = 2;
const REFUSED = 3;
const IN_PROCESS = 4;
const SUPPLEMENT_REQUESTED = 5;
const STOPPED = 8;
const DONE = 9;
const RETURNED = 10;

const reached = (d, status) => d.timeline.find((e) => e.kind === 'STATUS' && e.status === status)?.at || null;

/** When the dossier was accepted (the counter's or the online check's "accept"), or null while it is not. */
export const acceptedAt = (d) => reached(d, ACCEPTED) || reached(d, IN_PROCESS);

/**
 * The department handling the dossier: that of the latest step still open; once none is (a result exists), that of
 * the last step finished by the time of the result.
 */
function handlingDepartment(d, result) {
  const steps = d.timeline.filter((e) => e.kind === 'STEP' && e.department);
  const open = steps.filter((e) => !e.completedAt);
  if (!result && open.length) return open.at(-1).department;
  const finished = steps.filter((e) => e.completedAt && (!result || e.completedAt <= result))
    .sort((a, b) => (a.completedAt < b.completedAt ? -1 : 1));
  return finished.at(-1)?.department || null;
}

/** [{ label, state: done|current|todo|stopped, at }] in order. */
export function plainSteps(d) {
  const accepted = acceptedAt(d);
  const result = reached(d, DONE) || reached(d, RETURNED);
  const returned = reached(d, RETURNED);
  if (!accepted) {
    if (d.status === REFUSED) {
      return [{ label: t('Không được tiếp nhận', 'Not accepted'), state: 'stopped', at: reached(d, REFUSED) }];
    }
    const waiting = d.status === SUPPLEMENT_REQUESTED
      ? t('Chờ bổ sung giấy tờ', 'Waiting for missing documents')
      : t('Chờ tiếp nhận', 'Waiting to be accepted');
    return [{ label: waiting, state: d.status === STOPPED ? 'stopped' : 'current', at: null },
      ...todo([handling(), ready(), handOver()])];
  }
  const steps = [{ label: t('Đã tiếp nhận', 'Received'), state: 'done', at: accepted }];
  if (d.status === STOPPED) {
    return [...steps, { label: t('Dừng xử lý', 'Handling stopped'), state: 'stopped', at: reached(d, STOPPED) }];
  }
  if (!result) {
    const department = handlingDepartment(d, null);
    const label = department
      ? t(`Đang xử lý tại ${department}`, `Being handled at ${department}`)
      : t('Đang xử lý', 'Being handled');
    return [...steps, { label, state: 'current', at: null }, ...todo([ready(), handOver()])];
  }
  const department = handlingDepartment(d, result);
  steps.push({ label: department ? t(`Đã xử lý tại ${department}`, `Handled at ${department}`) : t('Đã xử lý', 'Handled'),
    state: 'done', at: result });
  steps.push({ label: t('Đã có kết quả', 'Result ready'), state: 'done', at: result });
  steps.push(returned
    ? { label: t('Đã trả kết quả', 'Result returned'), state: 'done', at: returned }
    : { label: t('Chờ trả kết quả', 'Waiting to hand over the result'), state: 'current', at: null });
  return steps;
}

const handling = () => t('Xử lý hồ sơ', 'Handling');
const ready = () => t('Có kết quả', 'Result');
const handOver = () => t('Trả kết quả', 'Handing over the result');
const todo = (labels) => labels.map((label) => ({ label, state: 'todo', at: null }));
