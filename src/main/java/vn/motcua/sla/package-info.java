/**
 * The clock of each dossier and each step: the working calendar in force (reloadable without a rebuild), due times
 * and the deadline endpoint, supplement policy (pause, restart, timeout), warnings before due, the apology and
 * extension letter, and timeliness (early, on time, late) against the original due time.
 */
package vn.motcua.sla;
