package vn.motcua.reporting;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.AutomapConstructor;

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
        String agencyCode) {

    @AutomapConstructor
    ReportedDossier {}

    /** Of no agency in particular (the counting rules do not look at it). */
    ReportedDossier(
            String dossierCode,
            String sector,
            String channel,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime extendedDueAt,
            LocalDateTime resolvedAt,
            LocalDateTime refusedAt,
            LocalDateTime stoppedAt,
            boolean withdrawn) {
        this(
                dossierCode,
                sector,
                channel,
                receivedAt,
                dueAt,
                extendedDueAt,
                resolvedAt,
                refusedAt,
                stoppedAt,
                withdrawn,
                null);
    }
}
