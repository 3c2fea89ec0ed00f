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
        String statusNote) {}
