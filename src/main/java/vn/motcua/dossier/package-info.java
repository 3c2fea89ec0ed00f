/**
 * The dossier record: its code (agency identifier, reception date, daily sequence), national portal status (1–10),
 * applicant, attachments with checksums, and the timeline of steps and statuses that tracking and reports read.
 */
package vn.motcua.dossier;
