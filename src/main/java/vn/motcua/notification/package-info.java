/**
 * Notices to the citizen and to the responsible department, made from the durable domain events: the filing receipt,
 * acceptance, supplement request, refusal or stop, the result ready for collection, the apology and new date (to the
 * citizen); a new step in a department's queue and a step near its due time (to the department). One notice per
 * event and recipient (a unique key), so that an event delivered again after a crash or a resubmission has its effect
 * once. Sending them by e-mail or SMS is not part of this module yet: notices wait in {@code notification_notice}
 * with {@code sent_at} empty.
 */
package vn.motcua.notification;
