package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * The result of a dossier exists (status 9, "Đã xử lý xong"): the applicant may come for it. {@code dueAt} is the
 * appointment in force.
 */
public record ResultIssued(
        String dossierCode, String procedureCode, String agencyCode, LocalDateTime issuedAt, LocalDateTime dueAt) {}
