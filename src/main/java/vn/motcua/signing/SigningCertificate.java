package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import java.time.Instant;
import java.util.Optional;

/**
 * A certificate registered for a holder: who holds it, the configured signer whose key signs with it, when it is valid,
 * and its revocation when an operator recorded one. {@link SigningCertificates} hands out only one in force.
 */
public record SigningCertificate(
        long id,
        HolderKind holderKind,
        String holder,
        String signerId,
        CertificateToken certificate,
        String serialNumber,
        String issuer,
        String commonName,
        Optional<String> organisation,
        Instant notBefore,
        Instant notAfter,
        Optional<Revocation> revocation,
        Instant registeredAt,
        String registeredBy) {

    /** An official (the holder is a user id) or an organisation (the holder is an agency code of the catalogue). */
    public enum HolderKind {
        PERSON,
        ORGANISATION
    }

    /** Revoked from {@code at} on, as the operator who recorded it said. */
    public record Revocation(Instant at, String reason, String by) {}
}
