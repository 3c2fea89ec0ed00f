package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A PDF whose signature has been computed up to the data to sign. The signing time is part of it: DSS must assemble
 * the signature with the same time it prepared the data with (documents.md §1), also when a remote signer answers
 * minutes later, and so is the level it was prepared for (B-LT, B-T or B-B); {@link PdfSigner#complete} keeps B-T when the
 * revocation data B-LT needs cannot all be gathered then, and the verdict tells the level a file has.
 */
public record PreparedSignature(
        byte[] document,
        SignatureAppearance appearance,
        List<CertificateToken> certificateChain,
        Instant signingTime,
        SignatureLevel level,
        ToBeSigned dataToSign) {

    public PreparedSignature {
        Objects.requireNonNull(document);
        Objects.requireNonNull(signingTime);
        Objects.requireNonNull(level);
        certificateChain = List.copyOf(certificateChain);
    }
}
