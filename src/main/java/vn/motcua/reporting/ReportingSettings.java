package vn.motcua.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The counting choices that the law leaves open (domain.md §11.1: "counting rules must be explicit configuration").
 *
 * @param judgeAgainst which due time judges early / on time / late: the original appointment (default, domain.md
 *     §6.1 and the 766 "tiến độ" metric) or the apology's new date when one was given
 * @param stopped where a withdrawn or stopped dossier counts: as resolved on time (default; the II.06a template
 *     notes that column 9 includes returned and withdrawn dossiers) or not at all
 * @param refusedAtReception where a dossier refused at reception counts: not at all (default; it was never
 *     accepted, the clock never started, domain.md §6.2, §6.4) or as resolved on time
 */
@ConfigurationProperties("motcua.reporting")
record ReportingSettings(DueTime judgeAgainst, Counted stopped, Counted refusedAtReception) {

    enum DueTime {
        ORIGINAL,
        EXTENDED
    }

    enum Counted {
        RESOLVED_ON_TIME,
        EXCLUDED
    }

    ReportingSettings {
        judgeAgainst = judgeAgainst == null ? DueTime.ORIGINAL : judgeAgainst;
        stopped = stopped == null ? Counted.RESOLVED_ON_TIME : stopped;
        refusedAtReception = refusedAtReception == null ? Counted.EXCLUDED : refusedAtReception;
    }
}
