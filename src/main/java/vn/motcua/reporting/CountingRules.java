package vn.motcua.reporting;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.sla.Clocks;
import vn.motcua.sla.Timeliness;

/**
 * The counting rules of report II.06a in one place (domain.md §11.1, §6.1): which dossiers a period counts, in which
 * "received" column and in which "resolved" or "in progress" column. A period is [from, to). Each counted dossier
 * falls in exactly one column of each group, which is what makes 3 = 7 + 11 hold.
 */
@Component
class CountingRules {

    enum Received {
        ONLINE,
        DIRECT_OR_POSTAL,
        CARRIED_OVER
    }

    enum Outcome {
        EARLY,
        ON_TIME,
        LATE,
        WITHIN_TIME,
        OVERDUE
    }

    record Counted(Received received, Outcome outcome) {}

    private final ReportingSettings settings;
    private final Clocks clocks;
    private final Clock clock;

    CountingRules(ReportingSettings settings, Clocks clocks, Clock clock) {
        this.settings = settings;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** Where the period counts the dossier; empty when it does not count it. */
    Optional<Counted> count(ReportedDossier dossier, LocalDateTime from, LocalDateTime to) {
        if (!dossier.receivedAt().isBefore(to) || closedBefore(dossier, from)) {
            return Optional.empty(); // received after the period, or done with before it began
        }
        if (excluded(dossier.refusedAt(), settings.refusedAtReception(), to)
                || excluded(dossier.stoppedAt(), settings.stopped(), to)) {
            return Optional.empty();
        }
        return Optional.of(new Counted(received(dossier, from), outcome(dossier, to)));
    }

    /** Early, on time or late of a result against the due time the settings choose (the original by default). */
    Timeliness timeliness(LocalDateTime due, LocalDateTime extendedDue, LocalDateTime resolvedAt) {
        if (due == null) {
            return Timeliness.ON_TIME; // no appointment was ever given (not accepted): nothing to be late against
        }
        return clocks.timeliness(judgedDue(due, extendedDue), resolvedAt);
    }

    private static boolean closedBefore(ReportedDossier d, LocalDateTime from) {
        return before(d.resolvedAt(), from) || before(d.refusedAt(), from) || before(d.stoppedAt(), from);
    }

    private static boolean excluded(LocalDateTime closedAt, ReportingSettings.Counted rule, LocalDateTime to) {
        return rule == ReportingSettings.Counted.EXCLUDED && before(closedAt, to);
    }

    private static Received received(ReportedDossier dossier, LocalDateTime from) {
        if (dossier.receivedAt().isBefore(from)) {
            return Received.CARRIED_OVER;
        }
        // column 5 is "trực tiếp, dịch vụ bưu chính"; a liên thông mirror came from another agency's counter
        return "ONLINE".equals(dossier.channel()) ? Received.ONLINE : Received.DIRECT_OR_POSTAL;
    }

    private Outcome outcome(ReportedDossier d, LocalDateTime to) {
        if (before(d.resolvedAt(), to)) {
            return switch (timeliness(d.dueAt(), d.extendedDueAt(), d.resolvedAt())) {
                case EARLY -> Outcome.EARLY;
                case LATE -> Outcome.LATE;
                default -> Outcome.ON_TIME;
            };
        }
        if (before(d.refusedAt(), to) || before(d.stoppedAt(), to)) {
            return Outcome.ON_TIME; // the II.06a template: column 9 includes returned and withdrawn dossiers
        }
        LocalDateTime asOf = LocalDateTime.now(clock).isBefore(to) ? LocalDateTime.now(clock) : to;
        LocalDateTime due = d.dueAt() == null ? null : judgedDue(d.dueAt(), d.extendedDueAt());
        return due != null && asOf.isAfter(due) ? Outcome.OVERDUE : Outcome.WITHIN_TIME;
    }

    private LocalDateTime judgedDue(LocalDateTime due, LocalDateTime extendedDue) {
        return settings.judgeAgainst() == ReportingSettings.DueTime.EXTENDED && extendedDue != null ? extendedDue : due;
    }

    private static boolean before(LocalDateTime at, LocalDateTime limit) {
        return at != null && at.isBefore(limit);
    }
}
