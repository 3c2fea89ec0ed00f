/**
 * Public lookup by dossier code, with no login: status, appointment, the citizen-facing current step and a timeline
 * that names departments, never people; the applicant's name is masked
 * unless the secret of the slip is given; the process diagram with the current step; too many misses are slowed.
 */
package vn.motcua.tracking;
