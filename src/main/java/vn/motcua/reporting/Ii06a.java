package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import vn.motcua.reporting.CountingRules.Outcome;
import vn.motcua.reporting.CountingRules.Received;

/**
 * Report II.06a (Biểu số II.06a/VPCP/KSTT, domain.md §11.1) for a period: one row per sector (lĩnh vực) and the total.
 * Column numbers of the form in brackets.
 */
public record Ii06a(LocalDate from, LocalDate to, String agency, List<Row> rows, Cells total) {

    public record Row(String sector, Cells cells) {}

    /**
     * The form's counting columns (3 to 13): the number printed above it, its heading, its value in a row and which
     * counted dossiers it holds (its drill-down). The API names a column by its field name in {@link Cells}.
     */
    public enum Column {
        RECEIVED(3, "received", "Tổng số", Cells::received, c -> true),
        RECEIVED_ONLINE(4, "receivedOnline", "Trực tuyến", Cells::receivedOnline, received(Received.ONLINE)),
        RECEIVED_DIRECT_OR_POSTAL(
                5,
                "receivedDirectOrPostal",
                "Trực tiếp, dịch vụ bưu chính",
                Cells::receivedDirectOrPostal,
                received(Received.DIRECT_OR_POSTAL)),
        CARRIED_OVER(6, "carriedOver", "Từ kỳ trước", Cells::carriedOver, received(Received.CARRIED_OVER)),
        RESOLVED(
                7,
                "resolved",
                "Tổng số",
                Cells::resolved,
                outcome(Outcome.EARLY).or(outcome(Outcome.ON_TIME)).or(outcome(Outcome.LATE))),
        RESOLVED_EARLY(8, "resolvedEarly", "Trước hạn", Cells::resolvedEarly, outcome(Outcome.EARLY)),
        RESOLVED_ON_TIME(9, "resolvedOnTime", "Đúng hạn", Cells::resolvedOnTime, outcome(Outcome.ON_TIME)),
        RESOLVED_LATE(10, "resolvedLate", "Quá hạn", Cells::resolvedLate, outcome(Outcome.LATE)),
        IN_PROGRESS(
                11,
                "inProgress",
                "Tổng số",
                Cells::inProgress,
                outcome(Outcome.WITHIN_TIME).or(outcome(Outcome.OVERDUE))),
        IN_PROGRESS_WITHIN_TIME(
                12, "inProgressWithinTime", "Trong hạn", Cells::inProgressWithinTime, outcome(Outcome.WITHIN_TIME)),
        IN_PROGRESS_OVERDUE(13, "inProgressOverdue", "Quá hạn", Cells::inProgressOverdue, outcome(Outcome.OVERDUE));

        public final int number;
        public final String field;
        public final String heading;
        private final ToIntFunction<Cells> value;
        private final Predicate<CountingRules.Counted> holds;

        Column(
                int number,
                String field,
                String heading,
                ToIntFunction<Cells> value,
                Predicate<CountingRules.Counted> holds) {
            this.number = number;
            this.field = field;
            this.heading = heading;
            this.value = value;
            this.holds = holds;
        }

        public int of(Cells cells) {
            return value.applyAsInt(cells);
        }

        boolean holds(CountingRules.Counted counted) {
            return holds.test(counted);
        }

        public static Optional<Column> byField(String field) {
            return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
        }

        private static Predicate<CountingRules.Counted> received(Received kind) {
            return c -> c.received() == kind;
        }

        private static Predicate<CountingRules.Counted> outcome(Outcome kind) {
            return c -> c.outcome() == kind;
        }
    }

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
