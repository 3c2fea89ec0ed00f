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

    /** How a dossier closed, as the report counts it: its resolved column, or not counted once closed. */
    enum Closing {
        EARLY,
        ON_TIME,
        LATE,
        EXCLUDED
    }

    /**
     * What the rules need of a dossier, whatever the period: when it was received and how, when and how it closed (its
     * first closing: result, refusal or stop), and the due time that judges it (null: never given one).
     */
    record Life(LocalDateTime receivedAt, boolean online, LocalDateTime closedAt, Closing closing, LocalDateTime due) {

        boolean closedBefore(LocalDateTime limit) {
            return before(closedAt, limit);
        }
    }

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
        Life life = life(dossier);
        if (!life.receivedAt().isBefore(to) || life.closedBefore(from)) {
            return Optional.empty(); // received after the period, or done with before it began
        }
        if (life.closing() == Closing.EXCLUDED && life.closedBefore(to)) {
            return Optional.empty();
        }
        return Optional.of(new Counted(received(life, from), outcome(life, to)));
    }

    /** The dossier's life as the rules count it. */
    Life life(ReportedDossier d) {
        // column 5 is "trực tiếp, dịch vụ bưu chính"; a liên thông mirror came from another agency's counter
        boolean online = "ONLINE".equals(d.channel());
        LocalDateTime due = d.dueAt() == null ? null : judgedDue(d.dueAt(), d.extendedDueAt());
        LocalDateTime closedAt = first(first(d.resolvedAt(), d.refusedAt()), d.stoppedAt());
        if (closedAt == null) {
            return new Life(d.receivedAt(), online, null, null, due);
        }
        Closing closing;
        if (closedAt.equals(d.resolvedAt())) {
            closing = switch (timeliness(d.dueAt(), d.extendedDueAt(), d.resolvedAt())) {
                case EARLY -> Closing.EARLY;
                case LATE -> Closing.LATE;
                default -> Closing.ON_TIME;
            };
        } else {
            ReportingSettings.Counted rule =
                    closedAt.equals(d.refusedAt()) ? settings.refusedAtReception() : settings.stopped();
            // the II.06a template: column 9 includes returned and withdrawn dossiers
            closing = rule == ReportingSettings.Counted.EXCLUDED ? Closing.EXCLUDED : Closing.ON_TIME;
        }
        return new Life(d.receivedAt(), online, closedAt, closing, due);
    }

    /** Whether some closing takes a dossier out of the report altogether (the settings' EXCLUDED). */
    boolean excludesSome() {
        return settings.refusedAtReception() == ReportingSettings.Counted.EXCLUDED
                || settings.stopped() == ReportingSettings.Counted.EXCLUDED;
    }

    /** The settings the counts depend on, in words: counts made under other settings must be made again. */
    String fingerprint() {
        return "judgeAgainst=" + settings.judgeAgainst() + ";stopped=" + settings.stopped() + ";refusedAtReception="
                + settings.refusedAtReception() + ";timeliness=" + clocks.timelinessGranularity();
    }

    /** The moment a period ending at {@code to} judges overdue: its end, or now while it is still running. */
    LocalDateTime asOf(LocalDateTime to) {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.isBefore(to) ? now : to;
    }

    /** Early, on time or late of a result against the due time the settings choose (the original by default). */
    Timeliness timeliness(LocalDateTime due, LocalDateTime extendedDue, LocalDateTime resolvedAt) {
        if (due == null) {
            return Timeliness.ON_TIME; // no appointment was ever given (not accepted): nothing to be late against
        }
        return clocks.timeliness(judgedDue(due, extendedDue), resolvedAt);
    }

    private static Received received(Life life, LocalDateTime from) {
        if (life.receivedAt().isBefore(from)) {
            return Received.CARRIED_OVER;
        }
        return life.online() ? Received.ONLINE : Received.DIRECT_OR_POSTAL;
    }

    private Outcome outcome(Life life, LocalDateTime to) {
        if (life.closedBefore(to)) {
            return switch (life.closing()) {
                case EARLY -> Outcome.EARLY;
                case LATE -> Outcome.LATE;
                default -> Outcome.ON_TIME;
            };
        }
        return life.due() != null && asOf(to).isAfter(life.due()) ? Outcome.OVERDUE : Outcome.WITHIN_TIME;
    }

    private static LocalDateTime first(LocalDateTime a, LocalDateTime b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private LocalDateTime judgedDue(LocalDateTime due, LocalDateTime extendedDue) {
        return settings.judgeAgainst() == ReportingSettings.DueTime.EXTENDED && extendedDue != null ? extendedDue : due;
    }

    private static boolean before(LocalDateTime at, LocalDateTime limit) {
        return at != null && at.isBefore(limit);
    }
}
