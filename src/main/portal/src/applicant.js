import { $, api, el, fileProblem, t } from './common.js';
import { Form } from '@bpmn-io/form-js-viewer';

/** The applicant block both filing pages share (same ids in both pages' HTML). */
export function readApplicant() {
  const value = (id) => $(id).value.trim() || null;
  return {
    kind: $('#applicant-kind').value,
    name: value('#applicant-name'),
    idNumber: value('#applicant-id'),
    address: value('#applicant-address'),
    phone: value('#applicant-phone'),
    email: value('#applicant-email')
  };
}

/** Renders the procedure's start form from forms/ with form-js, the renderer Tasklist uses. */
export async function startForm(procedure, container) {
  const schema = await api(`/api/forms/${encodeURIComponent(procedure.startForm)}`);
  const form = new Form({ container });
  await form.importSchema(schema, {});
  return form;
}

/** The start form's data, or null (with the fields marked by form-js) when a required field is missing. */
export function formData(form) {
  const { data, errors } = form.submit();
  return Object.keys(errors).length ? null : data;
}

export function attachmentInputs(procedure, container, withPaperBox) {
  container.replaceChildren(...procedure.components.map((c) => el('div', { class: 'component' },
    el('label', { for: `file-${c.code}` },
      `${c.name} `, el('span', { class: c.required ? 'required' : 'optional' },
        c.required ? t('(bắt buộc)', '(required)') : t('(nếu có)', '(if any)'))),
    withPaperBox ? el('label', { class: 'paper' },
      el('input', { type: 'checkbox', id: `paper-${c.code}`, 'data-component': c.code }),
      t(' đã nhận bản giấy', ' paper copy received')) : '',
    el('input', { type: 'file', id: `file-${c.code}`, name: c.code, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' }))));
}

export function chosenFiles(container) {
  return [...container.querySelectorAll('input[type=file]')].flatMap((input) =>
    [...input.files].map((file) => ({ component: input.name, file })));
}

export const attachmentProblem = (container) => fileProblem(chosenFiles(container).map((f) => f.file));

export function multipart(dossier, files, extra = {}) {
  const body = new FormData();
  body.append('dossier', new Blob([JSON.stringify(dossier)], { type: 'application/json' }));
  Object.entries(extra).forEach(([name, value]) =>
    body.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' })));
  files.forEach(({ component, file }) => body.append(component, file, file.name));
  return body;
}
