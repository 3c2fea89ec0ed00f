package vn.motcua.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The test CA's OCSP responder (RFC 6960): the root answers for the certificates it issued, good or revoked as the
 * test said, and "unknown" for any other issuer's. The nonce of a request is echoed.
 */
final class TestOcspResponder {

    private final X509CertificateHolder root;
    private final PrivateKey rootKey;
    private final Function<BigInteger, Optional<Instant>> revocations;

    TestOcspResponder(X509Certificate root, PrivateKey rootKey, Function<BigInteger, Optional<Instant>> revocations) {
        try {
            this.root = new JcaX509CertificateHolder(root);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.rootKey = rootKey;
        this.revocations = revocations;
    }

    /** The DER OCSP response to a DER OCSP request. */
    byte[] answer(byte[] request) {
        try {
            OCSPReq ocspRequest = new OCSPReq(request);
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            Instant now = Instant.now();
            BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(new RespID(root.getSubject()));
            for (Req single : ocspRequest.getRequestList()) {
                CertificateID id = single.getCertID();
                response.addResponse(
                        id,
                        id.matchesIssuer(root, digests) ? status(id.getSerialNumber()) : new UnknownStatus(),
                        Date.from(now),
                        Date.from(now.plus(Duration.ofDays(1))),
                        null);
            }
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                response.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder()
                    .build(
                            OCSPRespBuilder.SUCCESSFUL,
                            response.build(
                                    new JcaContentSignerBuilder("SHA256withRSA").build(rootKey),
                                    new X509CertificateHolder[] {root},
                                    Date.from(now)))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OCSPException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer the responder gives to a request it cannot read. */
    static byte[] malformed() {
        try {
            return new OCSPRespBuilder().build(OCSPResp.MALFORMED_REQUEST, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private CertificateStatus status(BigInteger serial) {
        return revocations
                .apply(serial)
                .<CertificateStatus>map(at -> new RevokedStatus(Date.from(at), CRLReason.keyCompromise))
                .orElse(CertificateStatus.GOOD);
    }
}
