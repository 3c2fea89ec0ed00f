package vn.motcua.dossier;

import java.time.LocalDateTime;

/** The result was handed to the applicant (status 10, "Đã trả kết quả"): the dossier is closed. */
public record DossierReturned(String dossierCode, String procedureCode, String agencyCode, LocalDateTime returnedAt) {}
