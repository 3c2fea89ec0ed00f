/**
 * Public lookup by dossier code, with no login: status, appointment, the citizen-facing current step and a timeline
 * that names departments, never people; the applicant's name is masked.
 */
package vn.motcua.tracking;
