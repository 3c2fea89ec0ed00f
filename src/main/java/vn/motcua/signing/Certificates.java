package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The names a certificate's subject carries, as people read them (Vietnamese letters kept). */
final class Certificates {

    private Certificates() {}

    static String commonName(CertificateToken certificate) {
        return DSSASN1Utils.getSubjectCommonName(certificate);
    }

    static Optional<String> organisation(CertificateToken certificate) {
        return Optional.ofNullable(DSSASN1Utils.extractAttributeFromX500Principal(BCStyle.O, certificate.getSubject()))
                .filter(name -> !name.isBlank());
    }
}
