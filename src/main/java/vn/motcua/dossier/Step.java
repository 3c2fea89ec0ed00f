package vn.motcua.dossier;

import java.time.LocalDateTime;

/** One handling step of a dossier: a row of the electronic processing control slip (phiếu kiểm soát, BM.05). */
public record Step(
        String stepKey,
        String stepName,
        String department,
        String publicText,
        LocalDateTime startedAt,
        LocalDateTime dueAt,
        LocalDateTime completedAt,
        String completedBy,
        String outcome,
        String note) {}
