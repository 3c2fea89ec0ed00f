package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * What tracking shows of a dossier without the secret, read from the dossier's own row in one indexed select: its
 * columns and the public timeline kept with them (status changes with the text shown to the public, steps with their
 * department group, times and due times; no actor, outcome or note). {@code timeline} is null for a dossier stored
 * before the row kept it (the reader falls back to the timeline's tables).
 */
public record PublicRecord(
        String code,
        DossierStatus status,
        String procedureCode,
        String applicantName,
        String filedBy,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        LocalDateTime extendedDueAt,
        LocalDateTime finishedAt,
        String currentStep,
        boolean nearDeadline,
        Timeline timeline) {}
