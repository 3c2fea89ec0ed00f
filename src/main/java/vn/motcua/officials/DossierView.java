package vn.motcua.officials;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.dossier.Applicant;

/** A dossier as the officials handling it read it in Tasklist. */
record DossierView(
        String code,
        String procedureCode,
        String procedureName,
        String agencyName,
        String channel,
        int status,
        String statusLabel,
        String summary,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        Applicant applicant,
        String startForm,
        JsonNode formData,
        List<File> attachments,
        List<StepView> steps,
        List<Slip> slips) {

    record File(
            long id,
            String componentCode,
            String componentName,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            LocalDateTime uploadedAt,
            String url) {}

    /** An earlier or current step: who handled it (department and person by name), the decision and the opinion. */
    record StepView(
            String stepKey,
            String stepName,
            String department,
            String departmentName,
            LocalDateTime startedAt,
            LocalDateTime dueAt,
            LocalDateTime completedAt,
            String completedBy,
            String completedByName,
            String outcome,
            String note) {}

    record Slip(String title, String url) {}
}
