package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is checked about the signer before a signature is prepared, at every level: its certificate is valid now and
 * not revoked where its authority answers. What the checks learn also sets the level: B-LT needs a chain that reaches
 * a trust anchor (DSS fetches revocation data only for those, documents.md §1) and revocation data that answers.
 */
final class SignerCheck {

    private static final Logger log = LoggerFactory.getLogger(SignerCheck.class);
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final List<CertificateToken> trustAnchors;
    private final SignerRevocation revocation;

    SignerCheck(Collection<CertificateToken> trustAnchors, SignerRevocation revocation) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.revocation = revocation;
    }

    /** A time as the refusals show it, in Vietnam's time zone. */
    static String shown(Instant instant) {
        return SHOWN.format(instant);
    }

    /** The level of this signature, at most {@code best}; {@link SigningRefused} if it must not be made at all. */
    SignatureLevel levelFor(List<CertificateToken> chain, Instant now, SignatureLevel best) {
        CertificateToken signer = chain.get(0);
        refuseIfNotValid(signer, now);
        List<CertificateToken> issuers = new ArrayList<>(chain.subList(1, chain.size()));
        issuers.addAll(trustAnchors);
        SignerRevocation.Status status = revocation.check(signer, issuers);
        if (best != SignatureLevel.PAdES_BASELINE_LT) {
            return best;
        }
        String name = Certificates.commonName(signer);
        if (chain.stream().noneMatch(this::isOrIsSignedByAnAnchor)) {
            log.info("{} signs at PAdES B-T, not B-LT: the chain reaches no configured trust anchor", name);
            return SignatureLevel.PAdES_BASELINE_T;
        }
        if (status instanceof SignerRevocation.Unreachable unreachable) {
            log.info("{} signs at PAdES B-T, not B-LT: {}", name, unreachable.why());
            return SignatureLevel.PAdES_BASELINE_T;
        }
        return SignatureLevel.PAdES_BASELINE_LT;
    }

    private boolean isOrIsSignedByAnAnchor(CertificateToken certificate) {
        return trustAnchors.stream().anyMatch(anchor -> anchor.equals(certificate) || certificate.isSignedBy(anchor));
    }

    private static void refuseIfNotValid(CertificateToken signer, Instant now) {
        String name = Certificates.commonName(signer);
        String until = shown(signer.getNotAfter().toInstant());
        String from = shown(signer.getNotBefore().toInstant());
        if (now.isAfter(signer.getNotAfter().toInstant())) {
            throw new SigningRefused(
                    "Chứng thư số của " + name + " đã hết hạn từ " + until + "; không thể ký.",
                    "The certificate of " + name + " expired on " + until + "; it cannot sign.");
        }
        if (now.isBefore(signer.getNotBefore().toInstant())) {
            throw new SigningRefused(
                    "Chứng thư số của " + name + " chỉ có hiệu lực từ " + from + "; chưa thể ký.",
                    "The certificate of " + name + " is valid only from " + from + "; it cannot sign yet.");
        }
    }
}
