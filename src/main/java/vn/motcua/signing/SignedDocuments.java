package vn.motcua.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed documents of dossiers, stored once with the SHA-256 of their bytes and never changed: a new signature on a
 * document is a new revision (a new row), so what was served once is served the same way again. Stored in the
 * transaction of the step that signed, so a step that rolls back leaves no document behind.
 */
@Service
public class SignedDocuments {

    /** The kind of a dossier's result document (permit, extract, reasoned refusal…). */
    public static final String RESULT = "RESULT";

    private final SignedDocumentMapper mapper;
    private final Clock clock;

    SignedDocuments(SignedDocumentMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Stores the next revision of this kind of document of the dossier. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SignedDocument store(String dossierCode, String kind, String fileName, byte[] pdf, String signers) {
        SignedDocument document = new SignedDocument(
                UUID.randomUUID().toString(),
                dossierCode,
                kind,
                mapper.lastRevision(dossierCode, kind) + 1,
                fileName,
                pdf.length,
                sha256(pdf),
                signers,
                LocalDateTime.now(clock));
        mapper.insert(document, pdf);
        return document;
    }

    public Optional<SignedDocument> latest(String dossierCode, String kind) {
        return mapper.latest(dossierCode, kind);
    }

    public Optional<SignedDocument> find(String id) {
        return mapper.find(id);
    }

    public byte[] content(SignedDocument document) {
        return mapper.content(document.id())
                .orElseThrow(() -> new IllegalStateException("The signed document " + document.id() + " has no bytes"));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
