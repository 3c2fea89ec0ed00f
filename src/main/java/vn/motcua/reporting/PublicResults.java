package vn.motcua.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Procedures;

/**
 * The public results page's figures (no login, like the national portal's): for a year, the province's and each
 * agency's dossiers received, resolved early, on time and late, online, and the months of the year. Only counts,
 * nothing about any person; kept for a few minutes, so that anyone's page views cost no counting.
 */
@Service
class PublicResults {

    static final Duration KEPT = Duration.ofMinutes(5);

    /** The figures of one scope: counts from report II.06a, and the shares of the resolved ones in percent. */
    record Figures(
            int received,
            int receivedOnline,
            int resolved,
            int resolvedEarly,
            int resolvedOnTime,
            int resolvedLate,
            int inProgress,
            BigDecimal earlyPercent,
            BigDecimal onTimePercent,
            BigDecimal latePercent,
            BigDecimal onlinePercent) {

        static Figures of(Ii06a.Cells c) {
            int fresh = c.receivedOnline() + c.receivedDirectOrPostal();
            return new Figures(
                    c.received(),
                    c.receivedOnline(),
                    c.resolved(),
                    c.resolvedEarly(),
                    c.resolvedOnTime(),
                    c.resolvedLate(),
                    c.inProgress(),
                    percent(c.resolvedEarly(), c.resolved()),
                    percent(c.resolvedOnTime(), c.resolved()),
                    percent(c.resolvedLate(), c.resolved()),
                    percent(c.receivedOnline(), fresh));
        }
    }

    record Agency(String code, String name, Figures figures) {}

    record Month(String month, Figures figures) {}

    record Year(
            int year,
            LocalDate from,
            LocalDate to,
            String province,
            Figures total,
            List<Agency> agencies,
            List<Month> months,
            Instant countedAt) {}

    private record Kept(Year year, Instant at) {}

    private final Reports reports;
    private final ReportingMapper rows;
    private final Procedures catalogue;
    private final ReportingSettings settings;
    private final Clock clock;
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();

    PublicResults(
            Reports reports, ReportingMapper rows, Procedures catalogue, ReportingSettings settings, Clock clock) {
        this.reports = reports;
        this.rows = rows;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    Year of(int year) {
        Instant now = clock.instant();
        Kept known = kept.get(year);
        if (known != null && known.at().plus(KEPT).isAfter(now)) {
            return known.year();
        }
        Year counted = count(year, now);
        kept.put(year, new Kept(counted, now));
        return counted;
    }

    /** Forgets what was kept (after a rebuild of the read model). */
    void forget() {
        kept.clear();
    }

    private Year count(int year, Instant now) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        Figures total = Figures.of(reports.ii06a(from, to, null).total());
        Set<String> codes = new TreeSet<>(rows.agencies(to.plusDays(1).atStartOfDay()));
        catalogue.search(null, null).forEach(p -> codes.add(p.agencyCode()));
        List<Agency> agencies = new ArrayList<>();
        for (String code : codes) {
            agencies.add(new Agency(
                    code,
                    catalogue.agency(code).map(a -> a.name()).orElse(code),
                    Figures.of(reports.ii06a(from, to, code).total())));
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.of(year, 1); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            months.add(new Month(
                    month.toString(),
                    Figures.of(reports.ii06a(month.atDay(1), last, null).total())));
        }
        return new Year(year, from, to, settings.unit(), total, List.copyOf(agencies), List.copyOf(months), now);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
