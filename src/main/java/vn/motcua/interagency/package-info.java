/**
 * Liên thông: handoffs between agencies as BPMN messages. A send step writes an outbox row in the engine's transaction;
 * a worker delivers it (in-process or to a peer installation over HTTP, signed with the sending agency's Ed25519 key)
 * until acknowledged or given up as DEAD; the inbox admits only what the receiving models declare, de-duplicates by
 * message id and correlates in one transaction. Every hop keeps its evidence.
 */
package vn.motcua.interagency;
