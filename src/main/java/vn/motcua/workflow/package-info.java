/**
 * The platform's behaviour on every procedure model, attached by an engine plugin so that designers wire nothing by
 * hand: each user task goes to its department with a due time from its step budget and enters the dossier timeline;
 * each element marked with a national status moves the dossier to it.
 */
package vn.motcua.workflow;
