/**
 * The applicant's satisfaction rating of a returned dossier (domain.md §12): nine criteria of two points each, one
 * rating per dossier, editable for a configured period, given from the tracking page with the secret, by the filer's
 * account, or at the counter's kiosk; linked to the officials who completed its steps. Read by the reports.
 */
package vn.motcua.rating;
