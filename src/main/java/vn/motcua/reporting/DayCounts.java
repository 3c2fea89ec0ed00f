package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.reporting.CountingRules.Closing;
import vn.motcua.reporting.CountingRules.Life;

/**
 * Report II.06a from counters kept per agency, sector and day (and month), so that a period costs a few hundred
 * counter rows whatever the number of dossiers. Each dossier adds one to a counter on the day of each of its moments
 * (received, closed, became overdue); a period [F, T) is then the counters summed before T less those summed before F,
 * with two corrections read from the dossier rows where a count needs two of a dossier's days at once (see
 * {@link #cells}). The counting rules stay in {@link CountingRules}: a dossier's counters are made from its
 * {@link Life}, and CountingPropertiesTests checks on random histories that both give the same report.
 */
final class DayCounts {

    /** The counters of a day, an agency and a sector; the table's columns have the same names. */
    enum Counter {
        /** Received that day, online, and not (yet) excluded from the report by how it closed. */
        RECEIVED_ONLINE,
        /** Received that day at the counter, by post or from another agency, not (yet) excluded. */
        RECEIVED_DIRECT,
        /** Received that day online, closed in a way the settings leave out of the report. */
        EXCLUDED_RECEIVED_ONLINE,
        EXCLUDED_RECEIVED_DIRECT,
        CLOSED_EARLY,
        CLOSED_ON_TIME,
        CLOSED_LATE,
        /** Closed that day in a way the settings leave out of the report (received online). */
        EXCLUDED_CLOSED_ONLINE,
        EXCLUDED_CLOSED_DIRECT,
        /** Due that day and not closed by its due time. */
        DUE_OPEN,
        /** Closed that day after its due time. */
        CLOSED_OVERDUE;

        final String column = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The day of a day's counters, or the first day of a month's ('M'). */
    record Key(char span, LocalDate day) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            return span != o.span ? Character.compare(span, o.span) : day.compareTo(o.day);
        }
    }

    /** A value of each counter. */
    static final class Tally {

        final int[] n = new int[Counter.values().length];

        int get(Counter c) {
            return n[c.ordinal()];
        }

        Tally add(Counter c, int by) {
            n[c.ordinal()] += by;
            return this;
        }

        Tally plus(Tally o, int sign) {
            for (int i = 0; i < n.length; i++) {
                n[i] += sign * o.n[i];
            }
            return this;
        }

        boolean isZero() {
            return Arrays.stream(n).allMatch(v -> v == 0);
        }

        Tally minus(Tally o) {
            return new Tally().plus(this, 1).plus(o, -1);
        }

        private int sum(Counter... counters) {
            return Arrays.stream(counters).mapToInt(this::get).sum();
        }

        int received() {
            return sum(
                    Counter.RECEIVED_ONLINE,
                    Counter.RECEIVED_DIRECT,
                    Counter.EXCLUDED_RECEIVED_ONLINE,
                    Counter.EXCLUDED_RECEIVED_DIRECT);
        }

        int closed() {
            return sum(
                    Counter.CLOSED_EARLY,
                    Counter.CLOSED_ON_TIME,
                    Counter.CLOSED_LATE,
                    Counter.EXCLUDED_CLOSED_ONLINE,
                    Counter.EXCLUDED_CLOSED_DIRECT);
        }

        @Override
        public String toString() {
            return Arrays.toString(n);
        }
    }

    private DayCounts() {}

    /** What one dossier adds to the counters, by day and by month. */
    static Map<Key, Tally> of(Life life) {
        Map<Key, Tally> counts = new TreeMap<>();
        boolean excluded = life.closing() == Closing.EXCLUDED;
        Counter received = excluded
                ? (life.online() ? Counter.EXCLUDED_RECEIVED_ONLINE : Counter.EXCLUDED_RECEIVED_DIRECT)
                : (life.online() ? Counter.RECEIVED_ONLINE : Counter.RECEIVED_DIRECT);
        add(counts, life.receivedAt(), received);
        if (life.closedAt() != null) {
            Counter closed = switch (life.closing()) {
                case EARLY -> Counter.CLOSED_EARLY;
                case ON_TIME -> Counter.CLOSED_ON_TIME;
                case LATE -> Counter.CLOSED_LATE;
                case EXCLUDED -> life.online() ? Counter.EXCLUDED_CLOSED_ONLINE : Counter.EXCLUDED_CLOSED_DIRECT;
            };
            add(counts, life.closedAt(), closed);
        }
        if (life.due() != null && (life.closedAt() == null || life.closedAt().isAfter(life.due()))) {
            add(counts, life.due(), Counter.DUE_OPEN);
            if (life.closedAt() != null) {
                add(counts, life.closedAt(), Counter.CLOSED_OVERDUE);
            }
        }
        return counts;
    }

    /** What changes in the counters when a dossier's life changes from {@code before} (null: new) to {@code after}. */
    static Map<Key, Tally> change(Life before, Life after) {
        Map<Key, Tally> change = new TreeMap<>(of(after));
        if (before != null) {
            of(before)
                    .forEach((key, tally) ->
                            change.computeIfAbsent(key, k -> new Tally()).plus(tally, -1));
        }
        change.values().removeIf(Tally::isZero);
        return change;
    }

    /**
     * The counts a period's report needs of one sector, read from the counters and the dossier rows.
     *
     * @param beforeFrom the counters summed over the days before the period
     * @param beforeTo the counters summed over the days before the period's end
     * @param beforeToday the counters summed over the days before today, when the period has not ended yet
     * @param excludedCarriedOver dossiers received before the period and closed in it in a way the settings exclude,
     *     received online and otherwise: they count before their closing day, so a period holding it counts them as
     *     carried over into it only if they closed after its end, which no day counter knows
     * @param overdueToday dossiers due today before now and not closed by their due time, while the period runs
     */
    record Sums(
            Tally beforeFrom,
            Tally beforeTo,
            Tally beforeToday,
            int excludedCarriedOverOnline,
            int excludedCarriedOverDirect,
            int overdueToday) {}

    /**
     * The report's cells from the sums: received (not excluded, or excluded but closed after the period) in it, carried
     * over (open at its start), resolved in it by timeliness, in progress at its end (overdue at its end, or now).
     */
    static Ii06a.Cells cells(Sums s) {
        Tally in = s.beforeTo().minus(s.beforeFrom());
        int online = in.get(Counter.RECEIVED_ONLINE)
                + in.get(Counter.EXCLUDED_RECEIVED_ONLINE)
                - (in.get(Counter.EXCLUDED_CLOSED_ONLINE) - s.excludedCarriedOverOnline());
        int direct = in.get(Counter.RECEIVED_DIRECT)
                + in.get(Counter.EXCLUDED_RECEIVED_DIRECT)
                - (in.get(Counter.EXCLUDED_CLOSED_DIRECT) - s.excludedCarriedOverDirect());
        Tally f = s.beforeFrom();
        // open at the start: received before it less closed before it, less the excluded ones that close in the period
        int carried = f.received() - f.closed() - s.excludedCarriedOverOnline() - s.excludedCarriedOverDirect();
        int early = in.get(Counter.CLOSED_EARLY);
        int onTime = in.get(Counter.CLOSED_ON_TIME);
        int late = in.get(Counter.CLOSED_LATE);
        Tally t = s.beforeTo();
        int inProgress = t.received() - t.closed();
        int overdue = (s.beforeToday() == null
                        ? t.get(Counter.DUE_OPEN)
                        : s.beforeToday().get(Counter.DUE_OPEN) + s.overdueToday())
                - t.get(Counter.CLOSED_OVERDUE);
        return new Ii06a.Cells(
                online + direct + carried,
                online,
                direct,
                carried,
                early + onTime + late,
                early,
                onTime,
                late,
                inProgress,
                inProgress - overdue,
                overdue);
    }

    /**
     * Per sector, of these rows, those received before {@code from} that closed in [from, to) in a way the settings
     * exclude, online ([0]) and otherwise ([1]).
     */
    static Map<String, int[]> excludedCarriedOver(
            Iterable<ReportedDossier> rows, CountingRules rules, LocalDateTime from, LocalDateTime to) {
        Map<String, int[]> bySector = new HashMap<>();
        for (ReportedDossier row : rows) {
            Life life = rules.life(row);
            if (life.closing() == Closing.EXCLUDED
                    && life.receivedAt().isBefore(from)
                    && !life.closedBefore(from)
                    && life.closedBefore(to)) {
                bySector.computeIfAbsent(row.sector(), s -> new int[2])[life.online() ? 0 : 1]++;
            }
        }
        return bySector;
    }

    /** Per sector, of these rows, those due in [from, to) and not closed by their due time. */
    static Map<String, Integer> overdueBetween(
            Iterable<ReportedDossier> rows, CountingRules rules, LocalDateTime from, LocalDateTime to) {
        Map<String, Integer> bySector = new HashMap<>();
        for (ReportedDossier row : rows) {
            Life life = rules.life(row);
            if (life.due() != null
                    && !life.due().isBefore(from)
                    && life.due().isBefore(to)
                    && (life.closedAt() == null || life.closedAt().isAfter(life.due()))) {
                bySector.merge(row.sector(), 1, Integer::sum);
            }
        }
        return bySector;
    }

    private static void add(Map<Key, Tally> counts, LocalDateTime at, Counter counter) {
        LocalDate day = at.toLocalDate();
        counts.computeIfAbsent(new Key('D', day), k -> new Tally()).add(counter, 1);
        counts.computeIfAbsent(new Key('M', day.withDayOfMonth(1)), k -> new Tally())
                .add(counter, 1);
    }
}
