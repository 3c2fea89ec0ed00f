package vn.motcua.dossier;

import java.time.LocalDateTime;

/** An attachment as stored: its SHA-256 lets anyone prove later that the file was not changed. */
public record StoredAttachment(
        long id,
        String componentCode,
        String purpose,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        LocalDateTime uploadedAt) {}
