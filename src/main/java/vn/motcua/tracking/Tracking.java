package vn.motcua.tracking;

import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.dossier.Applicant;
import vn.motcua.sla.Timeliness;

/**
 * The public view of one dossier. The appointment is the original one (moved only by supplement pauses); an apology's
 * new date stands beside it, and timeliness is judged against the original (the electronic "phiếu kiểm soát"). The
 * applicant's details only for whoever gave the secret or filed it.
 */
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
        LocalDateTime extendedAppointmentAt,
        String apologyReason,
        LocalDateTime finishedAt,
        Timeliness timeliness,
        boolean nearDeadline,
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
            LocalDateTime completedAt,
            Timeliness timeliness) {}
}
