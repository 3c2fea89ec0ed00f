/**
 * Statistics: a read model of one row per dossier, fed by the durable dossier events (never by engine history) and
 * rebuildable from the dossier tables in one call, and the periodic report II.06a counted from it by the rules of
 * {@link vn.motcua.reporting.CountingRules} (domain.md §6.1, §11.1).
 */
package vn.motcua.reporting;
