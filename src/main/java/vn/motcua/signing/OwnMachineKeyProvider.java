package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.util.List;
import java.util.UUID;

/**
 * A USB token on the official's own PC, which the server cannot reach (documents.md §1, "How officials sign in
 * Vietnam"): the server knows the certificate only. Every signature is {@link Pending}: the official downloads the
 * prepared file, the certificate authority's plugin signs it there, and the file comes back through
 * {@code POST /api/signing/requests/{id}/signed}, where it is accepted only if it is the prepared file plus one valid
 * signature by this certificate ({@link UploadedSignatures}).
 */
final class OwnMachineKeyProvider implements KeyProvider {

    static final String PREFIX = "own-machine:";

    private final List<CertificateToken> chain;

    OwnMachineKeyProvider(List<CertificateToken> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The official's certificate file holds no certificate");
        }
        this.chain = List.copyOf(chain);
    }

    @Override
    public List<CertificateToken> certificateChain() {
        return chain;
    }

    @Override
    public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
        return new Pending(PREFIX + UUID.randomUUID());
    }

    /** The file comes back by upload, never by asking a service. */
    @Override
    public Outcome poll(String reference) {
        return new Pending(reference);
    }

    static boolean isOwnMachine(String reference) {
        return reference.startsWith(PREFIX);
    }
}
