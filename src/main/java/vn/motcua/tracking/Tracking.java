package vn.motcua.tracking;

import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.dossier.Applicant;

/** The public view of one dossier; the applicant's details only for whoever gave the secret or filed it. */
record Tracking(
        String code,
        int status,
        String statusLabel,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String agencyName,
        String applicant,
        LocalDateTime receivedAt,
        LocalDateTime appointmentAt,
        LocalDateTime finishedAt,
        String currentStep,
        List<Event> timeline,
        Applicant applicantDetails) {

    /**
     * A status change (with the official's reason, for a refusal or a supplement request) or a step of the handling,
     * in time order; steps name a department, never a person.
     */
    record Event(
            LocalDateTime at,
            String kind,
            Integer status,
            String text,
            String note,
            String department,
            LocalDateTime dueAt,
            LocalDateTime completedAt) {}
}
