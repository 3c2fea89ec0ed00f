package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
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

    DossierCodes(DossierMapper dossiers) {
        this.dossiers = dossiers;
    }

    record Code(String value, int sequence) {}

    /** Must run inside the transaction that stores the dossier. */
    Code next(String agencyCode, LocalDate day) {
        if (dossiers.incrementSequence(agencyCode, day) == 0) {
            try {
                dossiers.startSequence(agencyCode, day);
            } catch (DuplicateKeyException anotherNodeStartedTheDay) {
                dossiers.incrementSequence(agencyCode, day);
            }
        }
        int sequence = dossiers.currentSequence(agencyCode, day);
        return new Code(format(agencyCode, day, sequence), sequence);
    }

    static String format(String agencyCode, LocalDate day, int sequence) {
        return "%s-%s-%04d".formatted(agencyCode, DAY.format(day), sequence);
    }
}
