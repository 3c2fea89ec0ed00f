/**
 * The working calendar (days off and swapped working days, kept as data) and the deadline arithmetic built on it:
 * working hours, working days and calendar days, with office hours and cut-off times. Pure Java, no Spring.
 */
package vn.motcua.calendar;
