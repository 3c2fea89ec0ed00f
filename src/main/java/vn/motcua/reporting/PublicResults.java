package vn.motcua.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The public results page's figures (no login, like the national portal's): for a year, the province's and each
 * agency's dossiers received, resolved early, on time and late, online, and the months of the year. Only counts,
 * nothing about any person; kept for a few minutes, so that anyone's page views cost no counting.
 */
@Service
class PublicResults {

    static final Duration KEPT = Duration.ofMinutes(5);

    record Year(
            int year,
            LocalDate from,
            LocalDate to,
            String province,
            Figures total,
            List<Figures.OfAgency> agencies,
            List<Figures.Month> months,
            Instant countedAt) {}

    private record Kept(Year year, Instant at) {}

    private final Reports reports;
    private final ReportingSettings settings;
    private final Clock clock;
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();

    PublicResults(Reports reports, ReportingSettings settings, Clock clock) {
        this.reports = reports;
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
        return new Year(
                year,
                from,
                to,
                settings.unit(),
                Figures.of(reports.ii06a(from, to, null).total()),
                reports.byAgency(from, to, reports.agencies(to)),
                reports.months(from, to, null),
                now);
    }
}
