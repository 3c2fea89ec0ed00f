package vn.motcua.calendar;

/** How a procedure's processing time is counted (domain.md §9.2). */
public enum TimeUnit {
    WORKING_HOURS,
    WORKING_DAYS,
    CALENDAR_DAYS
}
