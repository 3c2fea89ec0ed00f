package vn.motcua.interagency;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One handoff on the wire (README "Liên thông"): signed as the exact JSON bytes sent.
 *
 * @param procedure the catalogue procedure the receiver runs; only on requests that start the receiver's process
 * @param payloadSha256 SHA-256 of {@code payload} written as compact JSON (UTF-8)
 * @param dossier what the receiver needs to keep a mirror of a dossier it has never seen
 */
record Envelope(
        String messageId,
        String messageName,
        String dossierCode,
        String senderAgency,
        String receiverAgency,
        String procedure,
        Instant sentAt,
        JsonNode payload,
        String payloadSha256,
        DossierBlock dossier) {

    record DossierBlock(
            String procedureCode,
            String agencyCode,
            String applicantKind,
            String applicantName,
            String applicantIdNumber,
            String applicantAddress,
            String summary,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt) {

        /** The first field longer than the dossier keeps (the columns of table dossier). */
        String oversizedField() {
            if (longer(procedureCode, 40)) return "dossier.procedureCode";
            if (longer(agencyCode, 35)) return "dossier.agencyCode";
            if (longer(applicantKind, 12)) return "dossier.applicantKind";
            if (longer(applicantName, 255)) return "dossier.applicantName";
            if (longer(applicantIdNumber, 20)) return "dossier.applicantIdNumber";
            if (longer(applicantAddress, 500)) return "dossier.applicantAddress";
            if (longer(summary, 1000)) return "dossier.summary";
            return null;
        }

        private static boolean longer(String value, int length) {
            return value != null && value.length() > length;
        }
    }

    boolean isRequest() {
        return procedure != null && !procedure.isBlank();
    }

    /** The first field that a valid envelope must have and this one lacks, if any. */
    String missingField() {
        if (blank(messageId)) return "messageId";
        if (blank(messageName)) return "messageName";
        if (blank(dossierCode)) return "dossierCode";
        if (blank(senderAgency)) return "senderAgency";
        if (blank(receiverAgency)) return "receiverAgency";
        if (blank(payloadSha256)) return "payloadSha256";
        return null;
    }

    /** The first field longer than the inbox keeps (a signed message of a known peer may still be malformed). */
    String oversizedField() {
        if (messageName.length() > 100) return "messageName";
        if (dossierCode.length() > 60) return "dossierCode";
        if (senderAgency.length() > 35) return "senderAgency";
        if (receiverAgency.length() > 35) return "receiverAgency";
        if (procedure != null && procedure.length() > 40) return "procedure";
        return dossier == null ? null : dossier.oversizedField();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
