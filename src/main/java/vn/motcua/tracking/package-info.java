/**
 * Public lookup by dossier code, with no login: status, appointment, the citizen-facing current step and a timeline
 * that names departments, never people, and carries no official's note or
 * reason; the applicant's name is masked and the reasons that concern the applicant hidden unless the secret of the
 * slip is given (header {@code X-Motcua-Secret}); the process diagram with the current step; too many misses are slowed.
 */
package vn.motcua.tracking;
