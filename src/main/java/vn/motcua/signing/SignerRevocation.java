package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the signer's certificate authority, before anything is signed, whether the certificate is revoked: OCSP first,
 * then the CRL, wherever the certificate points. DSS's B-T signing asks nobody and its LT signing stops only after the
 * key has signed (documents.md §1), so a revoked certificate is refused here, naming the holder and the date. An answer
 * whose signature DSS finds invalid is ignored.
 */
final class SignerRevocation {

    private static final Logger log = LoggerFactory.getLogger(SignerRevocation.class);

    /** What the authority said: not revoked (by {@code source}), or why nobody could say. */
    sealed interface Status {}

    record Good(String source) implements Status {}

    record Unreachable(String why) implements Status {}

    private final List<RevocationSource<?>> sources;

    SignerRevocation(List<RevocationSource<?>> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * {@link Good} or {@link Unreachable}; a revoked certificate is refused with {@link SigningRefused}. The issuer is
     * looked for among {@code issuers} (the rest of the chain, the trust anchors).
     */
    Status check(CertificateToken signer, Collection<CertificateToken> issuers) {
        Optional<CertificateToken> issuer = issuers.stream()
                .filter(candidate -> !candidate.equals(signer) && signer.isSignedBy(candidate))
                .findFirst();
        if (issuer.isEmpty()) {
            return new Unreachable("the chain does not hold the issuer of "
                    + signer.getSubject().getRFC2253());
        }
        for (RevocationSource<?> source : sources) {
            Optional<RevocationToken<?>> answer = ask(source, signer, issuer.get());
            if (answer.isPresent()) {
                refuseIfRevoked(signer, answer.get());
                if (answer.get().getStatus() == CertificateStatus.GOOD) {
                    return new Good(answer.get().getRevocationType() + " "
                            + answer.get().getSourceURL());
                }
            }
        }
        return new Unreachable("no OCSP responder or CRL answered for " + Certificates.commonName(signer));
    }

    private static Optional<RevocationToken<?>> ask(
            RevocationSource<?> source, CertificateToken signer, CertificateToken issuer) {
        try {
            RevocationToken<?> token = source.getRevocationToken(signer, issuer);
            if (token != null && !token.isValid()) {
                log.info(
                        "Ignoring revocation data from {} for {}: {}",
                        token.getSourceURL(),
                        signer.getSubject().getRFC2253(),
                        token.getInvalidityReason());
                return Optional.empty();
            }
            return Optional.ofNullable(token);
        } catch (RuntimeException e) {
            log.info(
                    "No revocation data for {} from {}: {}", signer.getSubject().getRFC2253(), source, e.toString());
            return Optional.empty();
        }
    }

    private static void refuseIfRevoked(CertificateToken signer, RevocationToken<?> answer) {
        if (answer.getStatus() != CertificateStatus.REVOKED) {
            return;
        }
        String name = Certificates.commonName(signer);
        Date date = answer.getRevocationDate();
        String when = date == null ? "?" : SignerCheck.shown(date.toInstant());
        throw new SigningRefused(
                "Chứng thư số của " + name + " đã bị thu hồi từ " + when + "; không thể ký.",
                "The certificate of " + name + " was revoked on " + when + "; it cannot sign.");
    }
}
