/**
 * What officials see of a dossier while they handle it (the "Hồ sơ" tab of Tasklist): applicant, the filed start form,
 * attachments, the timeline with earlier decisions and opinions, slips and due times. Only officials of departments
 * that have (or had) a step on the dossier get it; the choice of specialist at assignment is checked here too.
 */
package vn.motcua.officials;
