package vn.motcua.reception;

import java.time.LocalDateTime;

/** What the applicant takes away: the code, the appointment, where to track it, and the secret for personal data. */
public record FilingReceipt(
        String code,
        String procedureCode,
        int status,
        String statusLabel,
        LocalDateTime receivedAt,
        LocalDateTime appointmentAt,
        String trackingUrl,
        String secret) {}
