package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.Procedures;

/** Counts report II.06a from the read model and refuses to hand out a report whose sums do not hold. */
@Service
class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final ReportingMapper rows;
    private final CountingRules rules;
    private final Procedures catalogue;
    private final Counts counts;

    Reports(ReportingMapper rows, CountingRules rules, Procedures catalogue, Counts counts) {
        this.rows = rows;
        this.rules = rules;
        this.catalogue = catalogue;
        this.counts = counts;
    }

    /**
     * The report for the days from {@code from} to {@code to}, both included; {@code agency} null for all. Counted from
     * the day counters (DayCounts), so that its cost does not grow with the number of dossiers.
     */
    @Transactional(readOnly = true)
    Ii06a ii06a(LocalDate from, LocalDate to, String agency) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Map<String, DayCounts.Tally> beforeFrom = counts.before(from, agency);
        Map<String, DayCounts.Tally> beforeTo = counts.before(to.plusDays(1), agency);
        Map<String, int[]> excluded = counts.excludedCarriedOver(start, end, agency);
        LocalDateTime asOf = rules.asOf(end);
        boolean running = asOf.isBefore(end);
        Map<String, DayCounts.Tally> beforeToday = running ? counts.before(asOf.toLocalDate(), agency) : Map.of();
        Map<String, Integer> overdueToday =
                running ? counts.overdueBetween(asOf.toLocalDate().atStartOfDay(), asOf, agency) : Map.of();
        List<Ii06a.Row> table = new ArrayList<>();
        Ii06a.Cells total = Ii06a.Cells.NONE;
        for (String sector : beforeTo.keySet()) {
            int[] excludedOf = excluded.getOrDefault(sector, new int[2]);
            Ii06a.Cells cells = DayCounts.cells(new DayCounts.Sums(
                    beforeFrom.getOrDefault(sector, new DayCounts.Tally()),
                    beforeTo.get(sector),
                    running ? beforeToday.getOrDefault(sector, new DayCounts.Tally()) : null,
                    excludedOf[0],
                    excludedOf[1],
                    overdueToday.getOrDefault(sector, 0)));
            if (cells.equals(Ii06a.Cells.NONE)) {
                continue; // nothing of the sector counts in the period (all closed before it, or excluded)
            }
            checked(sector, cells, from, to);
            table.add(new Ii06a.Row(sector, cells));
            total = total.plus(cells);
        }
        checked("Tổng số", total, from, to);
        return new Ii06a(from, to, agency, List.copyOf(table), total);
    }

    /** Each month of from..to (the first and last cut to the period), counted as its own period. */
    @Transactional(readOnly = true)
    List<Figures.Month> months(LocalDate from, LocalDate to, String agency) {
        List<Figures.Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            months.add(new Figures.Month(
                    month.toString(), Figures.of(ii06a(first, last, agency).total())));
        }
        return List.copyOf(months);
    }

    /** Each of these agencies' figures for the period, with its name from the registry. */
    @Transactional(readOnly = true)
    List<Figures.OfAgency> byAgency(LocalDate from, LocalDate to, Collection<String> codes) {
        return codes.stream()
                .map(code -> new Figures.OfAgency(
                        code,
                        catalogue.agency(code).map(Agency::name).orElse(code),
                        Figures.of(ii06a(from, to, code).total())))
                .toList();
    }

    /** The agencies with dossiers received by {@code to} or with procedures in the catalogue, in code order. */
    @Transactional(readOnly = true)
    SortedSet<String> agencies(LocalDate to) {
        SortedSet<String> codes = new TreeSet<>(rows.agencies(to.plusDays(1).atStartOfDay()));
        codes.addAll(catalogue.agencyCodes());
        return codes;
    }

    /** The agencies with dossiers received by {@code to}, in code order. */
    @Transactional(readOnly = true)
    List<String> agenciesWithDossiers(LocalDate to) {
        return rows.agencies(to.plusDays(1).atStartOfDay());
    }

    /** A dossier behind a cell of the report, as the drill-down lists it. */
    record CellDossier(
            String code,
            String sector,
            String channel,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime resolvedAt,
            CountingRules.Received received,
            CountingRules.Outcome outcome) {}

    /** One page of the dossiers a cell counts. */
    record Cell(String column, int number, String sector, int total, int offset, List<CellDossier> dossiers) {}

    /**
     * The dossiers counted in one column of the report for the same period and agency, of one sector or of all
     * ({@code sector} null, the total row), in the order of their codes.
     */
    @Transactional(readOnly = true)
    Cell dossiers(
            LocalDate from, LocalDate to, String agency, String sector, Ii06a.Column column, int offset, int limit) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<CellDossier> all = new ArrayList<>();
        for (ReportedDossier dossier : rows.inPeriod(start, end, agency)) {
            if (sector != null && !sector.equals(dossier.sector())) {
                continue;
            }
            rules.count(dossier, start, end)
                    .filter(column::holds)
                    .ifPresent(counted -> all.add(new CellDossier(
                            dossier.dossierCode(),
                            dossier.sector(),
                            dossier.channel(),
                            dossier.receivedAt(),
                            dossier.dueAt(),
                            dossier.resolvedAt(),
                            counted.received(),
                            counted.outcome())));
        }
        all.sort(Comparator.comparing(CellDossier::code));
        List<CellDossier> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return new Cell(column.field, column.number, sector, all.size(), offset, List.copyOf(page));
    }

    private static void checked(String row, Ii06a.Cells cells, LocalDate from, LocalDate to) {
        String violated = cells.violatedInvariant();
        if (!violated.isEmpty()) {
            log.error(
                    "REPORT II.06a IS WRONG: row '{}' of {}..{} breaks {} ({}); the counting rules or the read model"
                            + " are broken, the report is not handed out",
                    row,
                    from,
                    to,
                    violated,
                    cells);
            throw new IllegalStateException("Report II.06a row " + row + " breaks " + violated + ": " + cells);
        }
    }
}
