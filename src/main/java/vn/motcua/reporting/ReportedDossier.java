package vn.motcua.reporting;

import java.time.LocalDateTime;

/** A dossier as the counting rules see it. */
record ReportedDossier(
        String dossierCode,
        String sector,
        String channel,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        LocalDateTime extendedDueAt,
        LocalDateTime resolvedAt,
        LocalDateTime refusedAt,
        LocalDateTime stoppedAt,
        boolean withdrawn,
        String agencyCode) {}
