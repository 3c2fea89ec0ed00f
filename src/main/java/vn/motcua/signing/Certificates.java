package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The chain of a key, and the names a certificate's subject carries as people read them (Vietnamese letters kept). */
final class Certificates {

    private Certificates() {}

    /** The chain a key entry carries, signer first; its own certificate alone when it carries none. */
    static List<CertificateToken> chainOf(DSSPrivateKeyEntry key) {
        CertificateToken[] chain = key.getCertificateChain();
        return chain != null && chain.length > 0 ? Arrays.asList(chain) : List.of(key.getCertificate());
    }

    static String commonName(CertificateToken certificate) {
        return DSSASN1Utils.getSubjectCommonName(certificate);
    }

    static Optional<String> organisation(CertificateToken certificate) {
        return Optional.ofNullable(DSSASN1Utils.extractAttributeFromX500Principal(BCStyle.O, certificate.getSubject()))
                .filter(name -> !name.isBlank());
    }
}
