package vn.motcua.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossiers;
import vn.motcua.rating.Ratings;

/** Counts the {@link Dashboard} from the read model, the steps, the catalogue and the ratings. */
@Service
class DashboardReport {

    /** Open dossiers due within this time from now are "nearly due". */
    static final Duration NEARLY = Duration.ofDays(2);

    static final int LISTED = 20;
    static final int TOP = 5;

    private final Reports reports;
    private final ReportingMapper rows;
    private final Procedures catalogue;
    private final Dossiers dossiers;
    private final Ratings ratings;
    private final Clock clock;

    DashboardReport(
            Reports reports,
            ReportingMapper rows,
            Procedures catalogue,
            Dossiers dossiers,
            Ratings ratings,
            Clock clock) {
        this.reports = reports;
        this.rows = rows;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.ratings = ratings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Dashboard of(LocalDate from, LocalDate to, String agency, String name) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Ii06a report = reports.ii06a(from, to, agency);
        List<Dashboard.Sector> sectors = report.rows().stream()
                .map(r -> new Dashboard.Sector(r.sector(), Figures.of(r.cells())))
                .toList();
        List<Figures.OfAgency> agencies =
                agency == null ? reports.byAgency(from, to, reports.agenciesWithDossiers(to)) : List.of();
        List<Dashboard.LateProcedure> late = rows.lateProcedures(start, end, agency, TOP).stream()
                .map(p -> new Dashboard.LateProcedure(p.code(), procedureName(p.code()), p.resolved(), p.late()))
                .toList();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime ever = LocalDateTime.of(2000, 1, 1, 0, 0);
        return new Dashboard(
                from,
                to,
                agency,
                name,
                Figures.of(report.total()),
                reports.months(from, to, agency),
                sectors,
                agencies,
                late,
                dossiers.lateSteps(start, end, agency, TOP),
                rows.countOpenDueBetween(ever, now, agency),
                open(rows.openDueBetween(ever, now, agency, LISTED)),
                rows.countOpenDueBetween(now, now.plus(NEARLY), agency),
                open(rows.openDueBetween(now, now.plus(NEARLY), agency, LISTED)),
                Satisfaction.of(
                        from,
                        to,
                        agency,
                        ratings.inPeriod(from, to, agency),
                        ratings.byOfficial(from, to, agency),
                        ratings.settings()));
    }

    private List<Dashboard.OpenDossier> open(List<ReportingMapper.Open> open) {
        return open.stream()
                .map(o -> new Dashboard.OpenDossier(
                        o.dossierCode(), o.procedureCode(), procedureName(o.procedureCode()), o.dueAt()))
                .toList();
    }

    private String procedureName(String code) {
        return catalogue.heading(code).map(Procedure.Heading::name).orElse(code);
    }
}
