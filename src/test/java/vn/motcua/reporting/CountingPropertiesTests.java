package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.motcua.sla.Clocks;
import vn.motcua.sla.Timeliness;

/**
 * Random dossier histories and random periods: every report keeps the form's sums, and two adjacent periods add up to
 * the period that covers both (what is in progress at the end of one is carried over into the next).
 */
class CountingPropertiesTests {

    static final LocalDateTime START = LocalDateTime.parse("2025-01-01T00:00");
    static final Clock LATER =
            Clock.fixed(LocalDateTime.parse("2026-01-01T00:00").toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @Property(tries = 300)
    void everyReportKeepsTheFormsSums(
            @ForAll("histories") List<ReportedDossier> dossiers,
            @ForAll("settings") ReportingSettings settings,
            @ForAll("days") int from,
            @ForAll("days") int length) {
        Ii06a.Cells cells = count(rules(settings), dossiers, day(from), day(from + length));

        assertThat(cells.violatedInvariant()).isEmpty();
    }

    @Property(tries = 300)
    void twoAdjacentPeriodsAddUpToTheWhole(
            @ForAll("histories") List<ReportedDossier> dossiers,
            @ForAll("days") int from,
            @ForAll("days") int first,
            @ForAll("days") int second) {
        // every closing counted (as the form's column 9 counts returned and withdrawn ones), so nothing leaves the
        // report between the periods
        CountingRules rules = rules(new ReportingSettings(
                null, ReportingSettings.Counted.RESOLVED_ON_TIME, ReportingSettings.Counted.RESOLVED_ON_TIME));
        LocalDateTime a = day(from);
        LocalDateTime b = day(from + first);
        LocalDateTime c = day(from + first + second);
        Ii06a.Cells one = count(rules, dossiers, a, b);
        Ii06a.Cells two = count(rules, dossiers, b, c);
        Ii06a.Cells whole = count(rules, dossiers, a, c);

        assertThat(two.carriedOver()).isEqualTo(one.inProgress());
        assertThat(whole.carriedOver()).isEqualTo(one.carriedOver());
        assertThat(whole.receivedOnline()).isEqualTo(one.receivedOnline() + two.receivedOnline());
        assertThat(whole.receivedDirectOrPostal())
                .isEqualTo(one.receivedDirectOrPostal() + two.receivedDirectOrPostal());
        assertThat(whole.resolvedEarly()).isEqualTo(one.resolvedEarly() + two.resolvedEarly());
        assertThat(whole.resolvedOnTime()).isEqualTo(one.resolvedOnTime() + two.resolvedOnTime());
        assertThat(whole.resolvedLate()).isEqualTo(one.resolvedLate() + two.resolvedLate());
        assertThat(whole.inProgressWithinTime()).isEqualTo(two.inProgressWithinTime());
        assertThat(whole.inProgressOverdue()).isEqualTo(two.inProgressOverdue());
    }

    /**
     * The report made from the day counters (as Reports makes it from the table) is the report the rules count dossier
     * by dossier, under every setting, for periods that ended and for one still running (its overdue judged now).
     */
    @Property(tries = 500)
    void theDayCountersGiveTheReportTheRulesCount(
            @ForAll("histories") List<ReportedDossier> all,
            @ForAll("settings") ReportingSettings settings,
            @ForAll("days") int from,
            @ForAll("days") int length,
            @ForAll("moments") int nowHours) {
        LocalDateTime now = START.plusHours(nowHours);
        // what has happened by now: nothing is received, closed or given a new date in the future
        List<ReportedDossier> dossiers = all.stream()
                .filter(d -> !d.receivedAt().isAfter(now))
                .map(d -> new ReportedDossier(
                        d.dossierCode(),
                        d.sector(),
                        d.channel(),
                        d.receivedAt(),
                        d.dueAt(),
                        d.extendedDueAt(),
                        byNow(d.resolvedAt(), now),
                        byNow(d.refusedAt(), now),
                        byNow(d.stoppedAt(), now),
                        d.withdrawn() && byNow(d.stoppedAt(), now) != null,
                        d.agencyCode()))
                .toList();
        CountingRules rules =
                new CountingRules(settings, dayRule(), Clock.fixed(now.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        LocalDateTime start = day(from);
        LocalDateTime end = day(from + length);

        Map<DayCounts.Key, DayCounts.Tally> counters = new TreeMap<>();
        for (ReportedDossier d : dossiers) {
            DayCounts.of(rules.life(d)).forEach((k, t) -> counters.merge(k, t, (a, b) -> a.plus(b, 1)));
        }
        LocalDateTime asOf = rules.asOf(end);
        boolean running = asOf.isBefore(end);
        int[] excluded =
                DayCounts.excludedCarriedOver(dossiers, rules, start, end).getOrDefault("Hộ tịch", new int[2]);
        Ii06a.Cells fromCounters = DayCounts.cells(new DayCounts.Sums(
                before(counters, start.toLocalDate()),
                before(counters, end.toLocalDate()),
                running ? before(counters, asOf.toLocalDate()) : null,
                excluded[0],
                excluded[1],
                running
                        ? DayCounts.overdueBetween(
                                        dossiers, rules, asOf.toLocalDate().atStartOfDay(), asOf)
                                .getOrDefault("Hộ tịch", 0)
                        : 0));

        assertThat(fromCounters).isEqualTo(count(rules, dossiers, start, end));
    }

    private static LocalDateTime byNow(LocalDateTime at, LocalDateTime now) {
        return at == null || at.isAfter(now) ? null : at;
    }

    /** The counters summed before a day as the table is summed: the months before its month, then its days. */
    private static DayCounts.Tally before(Map<DayCounts.Key, DayCounts.Tally> counters, LocalDate day) {
        DayCounts.Tally sum = new DayCounts.Tally();
        LocalDate month = day.withDayOfMonth(1);
        counters.forEach((key, tally) -> {
            boolean earlierMonth = key.span() == 'M' && key.day().isBefore(month);
            boolean earlierDay =
                    key.span() == 'D' && !key.day().isBefore(month) && key.day().isBefore(day);
            if (earlierMonth || earlierDay) {
                sum.plus(tally, 1);
            }
        });
        return sum;
    }

    static Ii06a.Cells count(
            CountingRules rules, List<ReportedDossier> dossiers, LocalDateTime from, LocalDateTime to) {
        Ii06a.Cells cells = Ii06a.Cells.NONE;
        for (ReportedDossier d : dossiers) {
            cells = rules.count(d, from, to).map(cells::plus).orElse(cells);
        }
        return cells;
    }

    static CountingRules rules(ReportingSettings settings) {
        return new CountingRules(settings, dayRule(), LATER);
    }

    /** The day rule of the default settings (sla Timeliness, DAY granularity); the clocks are the engine's elsewhere. */
    static Clocks dayRule() {
        Clocks clocks = mock(Clocks.class);
        when(clocks.timeliness(any(), any())).thenAnswer(call -> {
            LocalDateTime due = call.getArgument(0);
            LocalDateTime done = call.getArgument(1);
            if (done.isAfter(due)) {
                return Timeliness.LATE;
            }
            return done.toLocalDate().isBefore(due.toLocalDate()) ? Timeliness.EARLY : Timeliness.ON_TIME;
        });
        return clocks;
    }

    static LocalDateTime day(int n) {
        return START.plusDays(n);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 120);
    }

    /** A moment from before the first dossier to after the last period (hours after 1 January 2025). */
    @Provide
    Arbitrary<Integer> moments() {
        return Arbitraries.integers().between(0, 400 * 24);
    }

    @Provide
    Arbitrary<ReportingSettings> settings() {
        return Combinators.combine(
                        Arbitraries.of(ReportingSettings.DueTime.class),
                        Arbitraries.of(ReportingSettings.Counted.class),
                        Arbitraries.of(ReportingSettings.Counted.class))
                .as(ReportingSettings::new);
    }

    @Provide
    Arbitrary<List<ReportedDossier>> histories() {
        return dossier().list().ofMaxSize(40);
    }

    /** Received on a day of 2025's first 300; then resolved, refused at reception, stopped, or still open. */
    Arbitrary<ReportedDossier> dossier() {
        Arbitrary<LocalDateTime> received =
                Arbitraries.integers().between(0, 300 * 24).map(hours -> START.plusHours(hours));
        Arbitrary<Integer> dueHours = Arbitraries.integers().between(8, 30 * 24);
        Arbitrary<Integer> closedHours = Arbitraries.integers().between(1, 60 * 24);
        Arbitrary<Integer> ending = Arbitraries.integers().between(0, 4);
        Arbitrary<Boolean> online = Arbitraries.of(true, false);
        Arbitrary<Integer> extension = Arbitraries.integers().between(0, 10);
        return Combinators.combine(received, dueHours, closedHours, ending, online, extension)
                .as((at, dueIn, closedIn, end, web, extraDays) -> {
                    LocalDateTime closed = at.plusHours(closedIn);
                    boolean refused = end == 2;
                    LocalDateTime due = refused ? null : at.plusHours(dueIn);
                    LocalDateTime extended = due != null && extraDays > 0 ? due.plusDays(extraDays) : null;
                    return new ReportedDossier(
                            "D-" + at + "-" + dueIn + "-" + closedIn + "-" + end,
                            "Hộ tịch",
                            web ? "ONLINE" : "COUNTER",
                            at,
                            due,
                            extended,
                            end <= 1 ? closed : null,
                            refused ? at.plusHours(Math.min(closedIn, 8)) : null,
                            end == 3 ? closed : null,
                            end == 3,
                            "000.20.43.H43");
                });
    }
}
