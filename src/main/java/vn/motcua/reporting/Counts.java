package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.cursor.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.reporting.DayCounts.Key;
import vn.motcua.reporting.DayCounts.Tally;

/** Keeps the counters of DayCounts in step with the reporting rows, and reads them for a report. */
@Component
class Counts {

    private static final Logger log = LoggerFactory.getLogger(Counts.class);
    private static final int BATCH = 500;

    private final CountsMapper counts;
    private final CountingRules rules;

    Counts(CountsMapper counts, CountingRules rules) {
        this.counts = counts;
        this.rules = rules;
    }

    /** The dossier's row, locked for the change the caller is about to make; null when it has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    ReportedDossier lock(String code) {
        return counts.lock(code);
    }

    /** Moves the counters from what the row {@code before} (null: none) counted to what the row counts now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void changed(ReportedDossier before, String code) {
        ReportedDossier after = counts.row(code);
        if (after == null) {
            return;
        }
        Map<Key, Tally> change = DayCounts.change(before == null ? null : rules.life(before), rules.life(after));
        // in key order, so that two dossiers of one agency and sector take the rows' locks in the same order
        change.forEach((key, tally) -> add(after.agencyCode(), after.sector(), key, tally));
    }

    /** Forgets the counters and makes them again from every reporting row, under the settings in force. */
    @Transactional
    int recount() {
        counts.lockSettings();
        return countAgain();
    }

    /** At start-up, counters made under other settings (or none yet) are made again, by one node at a time. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void countUnderTheseSettings() {
        String settings = counts.lockSettings();
        if (!rules.fingerprint().equals(settings)) {
            int rows = countAgain();
            log.info(
                    "Report counters made again from {} reporting rows: counted under '{}', now '{}'",
                    rows,
                    settings,
                    rules.fingerprint());
        }
    }

    private int countAgain() {
        counts.deleteAll();
        Map<String, Map<String, Map<Key, Tally>>> all = new HashMap<>(); // agency → sector → day → tally
        int rows = 0;
        try (Cursor<ReportedDossier> cursor = counts.all()) {
            for (ReportedDossier row : cursor) {
                Map<Key, Tally> days = all.computeIfAbsent(row.agencyCode(), a -> new HashMap<>())
                        .computeIfAbsent(row.sector(), s -> new TreeMap<>());
                DayCounts.of(rules.life(row)).forEach((key, tally) -> days.merge(key, tally, (a, b) -> a.plus(b, 1)));
                rows++;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<CountsMapper.Row> batch = new ArrayList<>();
        all.forEach((agency, sectors) -> sectors.forEach((sector, days) -> days.forEach((key, tally) -> {
            batch.add(new CountsMapper.Row(agency, sector, String.valueOf(key.span()), key.day(), tally.n));
            if (batch.size() == BATCH) {
                counts.insertAll(batch);
                batch.clear();
            }
        })));
        if (!batch.isEmpty()) {
            counts.insertAll(batch);
        }
        counts.updateSettings(rules.fingerprint());
        return rows;
    }

    private void add(String agency, String sector, Key key, Tally tally) {
        String span = String.valueOf(key.span());
        if (counts.add(agency, sector, span, key.day(), tally.n) == 0) {
            try {
                counts.insertAll(List.of(new CountsMapper.Row(agency, sector, span, key.day(), tally.n)));
            } catch (DuplicateKeyException meanwhile) {
                counts.add(agency, sector, span, key.day(), tally.n);
            }
        }
    }

    /** Per sector, the counters summed over the days before {@code day}, of one agency or all (null). */
    Map<String, Tally> before(LocalDate day, String agency) {
        Map<String, Tally> bySector = new TreeMap<>();
        for (Map<String, Object> row : counts.before(day.withDayOfMonth(1), day, agency)) {
            Map<String, Object> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            columns.putAll(row);
            Tally tally = new Tally();
            for (DayCounts.Counter c : DayCounts.Counter.values()) {
                Object value = columns.get(c.column);
                tally.add(c, value == null ? 0 : ((Number) value).intValue());
            }
            bySector.put((String) columns.get("sector"), tally);
        }
        return bySector;
    }

    /** See {@link DayCounts#excludedCarriedOver}, over the rows that may be among them. */
    Map<String, int[]> excludedCarriedOver(LocalDateTime from, LocalDateTime to, String agency) {
        if (!rules.excludesSome()) {
            return Map.of();
        }
        return DayCounts.excludedCarriedOver(counts.refusedOrStoppedIn(from, to, agency), rules, from, to);
    }

    /** See {@link DayCounts#overdueBetween}, over the rows that may be among them. */
    Map<String, Integer> overdueBetween(LocalDateTime from, LocalDateTime to, String agency) {
        return DayCounts.overdueBetween(counts.dueIn(from, to, agency), rules, from, to);
    }
}
