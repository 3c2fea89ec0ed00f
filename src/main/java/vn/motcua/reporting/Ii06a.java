package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Report II.06a (Biểu số II.06a/VPCP/KSTT, domain.md §11.1) for a period: one row per sector (lĩnh vực) and the total.
 * Column numbers of the form in brackets.
 */
public record Ii06a(LocalDate from, LocalDate to, String agency, List<Row> rows, Cells total) {

    public record Row(String sector, Cells cells) {}

    public record Cells(
            int received, // (3) = 4 + 5 + 6
            int receivedOnline, // (4)
            int receivedDirectOrPostal, // (5)
            int carriedOver, // (6)
            int resolved, // (7) = 8 + 9 + 10
            int resolvedEarly, // (8)
            int resolvedOnTime, // (9)
            int resolvedLate, // (10)
            int inProgress, // (11) = 12 + 13
            int inProgressWithinTime, // (12)
            int inProgressOverdue) { // (13)

        static final Cells NONE = new Cells(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Cells plus(CountingRules.Counted c) {
            int online = c.received() == CountingRules.Received.ONLINE ? 1 : 0;
            int direct = c.received() == CountingRules.Received.DIRECT_OR_POSTAL ? 1 : 0;
            int carried = c.received() == CountingRules.Received.CARRIED_OVER ? 1 : 0;
            int early = c.outcome() == CountingRules.Outcome.EARLY ? 1 : 0;
            int onTime = c.outcome() == CountingRules.Outcome.ON_TIME ? 1 : 0;
            int late = c.outcome() == CountingRules.Outcome.LATE ? 1 : 0;
            int within = c.outcome() == CountingRules.Outcome.WITHIN_TIME ? 1 : 0;
            int overdue = c.outcome() == CountingRules.Outcome.OVERDUE ? 1 : 0;
            return new Cells(
                    received + online + direct + carried,
                    receivedOnline + online,
                    receivedDirectOrPostal + direct,
                    carriedOver + carried,
                    resolved + early + onTime + late,
                    resolvedEarly + early,
                    resolvedOnTime + onTime,
                    resolvedLate + late,
                    inProgress + within + overdue,
                    inProgressWithinTime + within,
                    inProgressOverdue + overdue);
        }

        Cells plus(Cells o) {
            return new Cells(
                    received + o.received,
                    receivedOnline + o.receivedOnline,
                    receivedDirectOrPostal + o.receivedDirectOrPostal,
                    carriedOver + o.carriedOver,
                    resolved + o.resolved,
                    resolvedEarly + o.resolvedEarly,
                    resolvedOnTime + o.resolvedOnTime,
                    resolvedLate + o.resolvedLate,
                    inProgress + o.inProgress,
                    inProgressWithinTime + o.inProgressWithinTime,
                    inProgressOverdue + o.inProgressOverdue);
        }

        /** The sums the form prints; empty when they all hold, else which one fails. */
        String violatedInvariant() {
            if (received != receivedOnline + receivedDirectOrPostal + carriedOver) {
                return "3 = 4 + 5 + 6";
            }
            if (resolved != resolvedEarly + resolvedOnTime + resolvedLate) {
                return "7 = 8 + 9 + 10";
            }
            if (inProgress != inProgressWithinTime + inProgressOverdue) {
                return "11 = 12 + 13";
            }
            return received == resolved + inProgress ? "" : "3 = 7 + 11";
        }
    }
}
