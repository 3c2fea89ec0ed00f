package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * Dossier codes {@code <receiving unit>-YYMMDD-<daily sequence>} (TT 01/2018 format, kept by TT 03/2025 Art. 13;
 * domain.md §7.1). The sequence row is locked until the filing transaction ends, so numbers are unique across nodes
 * sharing the database and gap-free (a rolled-back filing gives its number back); past 9999 it simply grows.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierMapper dossiers;
    private final JdbcTemplate outsideThePool;

    DossierCodes(DossierMapper dossiers, DataSourceProperties database) {
        this.dossiers = dossiers;
        // a connection of its own, not from the pool: see openDay
        this.outsideThePool = new JdbcTemplate(database.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class)
                .build());
    }

    record Code(String value, int sequence) {}

    /** Must run inside the transaction that stores the dossier. */
    Code next(String agencyCode, LocalDate day) {
        if (dossiers.incrementSequence(agencyCode, day) == 0) {
            openDay(agencyCode, day);
            dossiers.incrementSequence(agencyCode, day);
        }
        int sequence = dossiers.currentSequence(agencyCode, day);
        return new Code(format(agencyCode, day, sequence), sequence);
    }

    /**
     * The day's counter row is created and committed on its own, once per agency and day: two first filings of the day
     * racing to insert it inside their filing transactions deadlocked on MariaDB. It is written on a connection opened
     * for it outside the pool (auto-commit): a second pooled connection taken while the filing holds one stalled the
     * morning rush, every pooled connection held by a filing waiting for another (Hikari's 30 s timeout, then 500).
     */
    private void openDay(String agencyCode, LocalDate day) {
        try {
            outsideThePool.update(
                    "insert into dossier_sequence (agency_code, reception_day, last_sequence) values (?, ?, 0)",
                    agencyCode,
                    day);
        } catch (DuplicateKeyException anotherFilingOpenedTheDay) {
            // the row exists now, which is all we need
        }
    }

    static String format(String agencyCode, LocalDate day, int sequence) {
        return "%s-%s-%04d".formatted(agencyCode, DAY.format(day), sequence);
    }
}
