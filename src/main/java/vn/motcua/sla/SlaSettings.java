package vn.motcua.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param calendarFile a calendar file on disk that replaces the built-in one; empty for the built-in calendar
 * @param warnBefore working time before a due time at which the responsible department is warned, {@code 4h} or
 *     {@code 1d}
 * @param timeliness how finishing is judged against the due time (domain.md §9.2 step 5, an open question)
 */
@ConfigurationProperties("motcua.sla")
record SlaSettings(String calendarFile, String warnBefore, Timeliness.Granularity timeliness) {

    SlaSettings {
        warnBefore = warnBefore == null || warnBefore.isBlank() ? "4h" : warnBefore;
        timeliness = timeliness == null ? Timeliness.Granularity.DAY : timeliness;
    }

    long warnBeforeMinutes() {
        return WorkingTime.minutes(warnBefore);
    }
}
