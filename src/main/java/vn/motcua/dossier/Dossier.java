package vn.motcua.dossier;

import java.time.LocalDateTime;

/** A stored dossier as the other modules read it. */
public record Dossier(
        String code,
        int sequenceNo,
        String procedureCode,
        /** The version of the procedure the dossier was received under: its components, times and model. */
        int procedureVersion,
        String agencyCode,
        NewDossier.Channel channel,
        DossierStatus status,
        Applicant applicant,
        String filedBy,
        String summary,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        LocalDateTime finishedAt,
        String currentStep,
        String statusNote) {

    /** The same dossier with the current step its transaction set (written just before it commits). */
    Dossier withCurrentStep(String step) {
        return new Dossier(
                code,
                sequenceNo,
                procedureCode,
                procedureVersion,
                agencyCode,
                channel,
                status,
                applicant,
                filedBy,
                summary,
                receivedAt,
                dueAt,
                finishedAt,
                step,
                statusNote);
    }
}
