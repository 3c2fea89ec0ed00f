package vn.motcua.signing;

import java.time.LocalDateTime;

/**
 * A signed PDF as stored: which dossier, which kind of document ({@link SignedDocuments#RESULT} or a slip's kind), its
 * revision within that kind (1 the first signature; a result's seal is revision 2), the SHA-256 of its bytes and who
 * signed it. The bytes themselves are read with {@link SignedDocuments#content}.
 */
public record SignedDocument(
        String id,
        String dossierCode,
        String kind,
        int revision,
        String fileName,
        int sizeBytes,
        String sha256,
        String signers,
        LocalDateTime createdAt) {}
