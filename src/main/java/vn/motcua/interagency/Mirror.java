package vn.motcua.interagency;

import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.NewDossier;

/** The dossier a request carries, as the receiving agency keeps it when it has never seen it (channel LIENTHONG). */
final class Mirror {

    private Mirror() {}

    /** The version: of the procedure here in force at reception, as a dossier filed here would keep it. */
    static NewDossier of(Envelope envelope, int procedureVersion, WallClock clock) {
        Envelope.DossierBlock block = envelope.dossier();
        Applicant.Kind kind =
                "ORGANIZATION".equals(block.applicantKind()) ? Applicant.Kind.ORGANIZATION : Applicant.Kind.PERSON;
        LocalDateTime receivedAt = block.receivedAt() == null ? clock.now() : clock.local(block.receivedAt());
        return new NewDossier(
                block.procedureCode() == null ? envelope.procedure() : block.procedureCode(),
                procedureVersion,
                block.agencyCode() == null ? envelope.senderAgency() : block.agencyCode(),
                NewDossier.Channel.LIENTHONG,
                new Applicant(
                        kind,
                        orEmpty(block.applicantName()),
                        orEmpty(block.applicantIdNumber()),
                        orEmpty(block.applicantAddress()),
                        null,
                        null),
                null,
                block.summary() == null ? envelope.messageName() : block.summary(),
                "{}",
                receivedAt,
                block.dueAt() == null ? receivedAt : clock.local(block.dueAt()),
                List.of());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
