/**
 * Filing online and at the counter: checks a dossier against its catalogue entry and start form, stores it, gives it a
 * code and an appointment, and starts its procedure's process, all in one transaction; later the citizen's supplements
 * and withdrawal requests, which resume or stop that process.
 */
package vn.motcua.reception;
