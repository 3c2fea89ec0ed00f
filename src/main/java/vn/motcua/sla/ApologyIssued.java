package vn.motcua.sla;

import java.time.LocalDateTime;

/** The apology and extension letter (form 04) was issued; notification sends it to the citizen. */
public record ApologyIssued(
        String dossierCode, LocalDateTime originalDueAt, LocalDateTime newDueAt, String reason, String issuedBy) {}
