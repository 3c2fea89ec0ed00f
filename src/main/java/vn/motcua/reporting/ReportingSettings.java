package vn.motcua.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The counting choices that the law leaves open (domain.md §11.1: "counting rules must be explicit configuration").
 *
 * @param judgeAgainst which due time judges early / on time / late: the original appointment (default, domain.md
 *     §6.1 and the 766 "tiến độ" metric) or the apology's new date when one was given
 * @param stopped where a withdrawn or stopped dossier counts: as resolved on time (default; the II.06a template
 *     notes that column 9 includes returned and withdrawn dossiers) or not at all
 * @param refusedAtReception where a dossier refused at reception counts: not at all (default; it was never
 *     accepted, the clock never started, domain.md §6.2, §6.4) or as resolved on time
 * @param unit the reporting unit of the province-wide report (an agency's report names the agency)
 * @param place the place printed before the date of an exported report ("Ninh Thuận, ngày …")
 */
@ConfigurationProperties("motcua.reporting")
record ReportingSettings(DueTime judgeAgainst, Counted stopped, Counted refusedAtReception, String unit, String place) {

    enum DueTime {
        ORIGINAL,
        EXTENDED
    }

    enum Counted {
        RESOLVED_ON_TIME,
        EXCLUDED
    }

    @ConstructorBinding
    ReportingSettings {
        judgeAgainst = judgeAgainst == null ? DueTime.ORIGINAL : judgeAgainst;
        stopped = stopped == null ? Counted.RESOLVED_ON_TIME : stopped;
        refusedAtReception = refusedAtReception == null ? Counted.EXCLUDED : refusedAtReception;
        unit = unit == null || unit.isBlank() ? "Trung tâm Phục vụ hành chính công" : unit.strip();
        place = place == null ? "" : place.strip();
    }

    /** The counting choices alone (the exports' unit and place left to their defaults). */
    ReportingSettings(DueTime judgeAgainst, Counted stopped, Counted refusedAtReception) {
        this(judgeAgainst, stopped, refusedAtReception, null, null);
    }
}
