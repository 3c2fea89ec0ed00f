package vn.motcua.slips;

import java.time.LocalDateTime;

/**
 * The dossier's result is an issued electronic document: the organisation's seal over the leader's signature is stored
 * once ({@code documentId}, the SHA-256 of its bytes) — what 766 indicator 4.1 counts (domain.md §11.2, §13.1).
 * Published in the seal step's transaction, so a step that rolls back announces nothing.
 */
public record ResultDocumentSealed(String dossierCode, String documentId, String sha256, LocalDateTime sealedAt) {}
