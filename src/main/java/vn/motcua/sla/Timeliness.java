package vn.motcua.sla;

import java.time.LocalDateTime;

/**
 * Trước hạn / đúng hạn / quá hạn (early / on time / late) of something finished, and trong hạn / quá hạn (within time
 * / overdue) of something still open, always against the original due time: an extension is recorded beside it, and
 * a dossier finished after its due time stays late (domain.md §6.1, QĐ 766 "tiến độ").
 */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE,
    WITHIN_TIME,
    OVERDUE;

    /** How finishing is compared with the due time; domain.md §9.2 leaves it open, so it is configuration. */
    public enum Granularity {
        /** Early = an earlier day than the due day; on time = the due day, at or before the due time (common practice). */
        DAY,
        /** At or before the due instant is on time, after it late; no "early" (systems that compare timestamps only). */
        TIMESTAMP
    }

    /** Timeliness judged at one moment, for all the steps of one answer at once. */
    public record At(LocalDateTime now, Granularity granularity) {

        public Timeliness of(LocalDateTime due, LocalDateTime finished) {
            return Timeliness.of(due, finished, now, granularity);
        }
    }

    static Timeliness of(LocalDateTime due, LocalDateTime finished, LocalDateTime now, Granularity granularity) {
        if (due == null) {
            return null;
        }
        if (finished == null) {
            return now.isAfter(due) ? OVERDUE : WITHIN_TIME;
        }
        if (finished.isAfter(due)) {
            return LATE;
        }
        boolean earlierDay = finished.toLocalDate().isBefore(due.toLocalDate());
        return granularity == Granularity.DAY && earlierDay ? EARLY : ON_TIME;
    }
}
