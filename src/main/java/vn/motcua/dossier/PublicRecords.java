package vn.motcua.dossier;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tracking's one read (issue 17): the dossier's public record from its row, without the applicant's details or anything
 * an official wrote. One statement, outside any transaction and with no transactional proxy around it (the proxy cost a
 * tenth of the lookup); the timeline is null when the row keeps none yet.
 */
@Component
public class PublicRecords {

    private final DossierMapper dossiers;

    PublicRecords(DossierMapper dossiers) {
        this.dossiers = dossiers;
    }

    public Optional<PublicRecord> find(String code) {
        return dossiers.publicRow(code)
                .map(r -> new PublicRecord(
                        r.code(),
                        DossierStatus.of(r.status()),
                        r.procedureCode(),
                        r.applicantName(),
                        r.filedBy(),
                        r.receivedAt(),
                        r.dueAt(),
                        r.extendedDueAt(),
                        r.finishedAt(),
                        r.currentStep(),
                        r.nearDeadline(),
                        r.publicTimeline() == null
                                ? null
                                : PublicTimeline.timeline(PublicTimeline.parse(r.publicTimeline()))));
    }
}
