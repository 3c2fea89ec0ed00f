package vn.motcua.signing;

import eu.europa.esig.dss.alert.StatusAlert;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.util.Collection;

/**
 * What DSS needs to embed B-LT data while signing: the trust anchors (it fetches revocation data only for chains that
 * reach one, documents.md §1), the online OCSP and CRL sources, and an alert that tells missing revocation data (the
 * timestamp authority's, say) apart from a real failure, so the signature can still be made at B-T after the key has
 * signed. A revoked certificate stays DSS's error. Revocation data produced in the same second as the timestamp is
 * only logged by DSS ("no revocation data found after the best signature time"): kept as DSS has it, validation
 * passes.
 */
final class LongTermData {

    /** Some revocation data of the signature's chains (signer or timestamp) could not be gathered. */
    static final class Missing extends RuntimeException {
        Missing(String why) {
            super(why);
        }
    }

    private static final StatusAlert MISSING = status -> {
        throw new Missing(status.getErrorString());
    };

    final OnlineOCSPSource ocsp = new OnlineOCSPSource();
    final OnlineCRLSource crl = new OnlineCRLSource();
    final CommonCertificateVerifier verifier = new CommonCertificateVerifier();

    LongTermData(Collection<CertificateToken> trustAnchors) {
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        trustAnchors.forEach(anchors::addCertificate);
        verifier.setTrustedCertSources(anchors);
        verifier.setOcspSource(ocsp);
        verifier.setCrlSource(crl);
        verifier.setAlertOnMissingRevocationData(MISSING);
    }
}
