package vn.motcua.signing;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.token.digest.DigestInfoEncoder;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A signer whose key is at a remote signing service in the shape of the Cloud Signature Consortium API v2 (SIM PKI and
 * the commercial CAs' remote signing, documents.md §1): the chain from {@code credentials/info}; {@code sign} sends
 * the hash to {@code credentials/authorize}, the signer approves on the phone, and {@code poll} asks
 * {@code credentials/authorizeCheck} until the service gives the signature activation data (SAD), with which
 * {@code signatures/signHash} signs that hash. The reference a {@link Pending} carries holds the hash, so polling
 * needs no memory here and survives a restart. The value that comes back is checked against the certificate before
 * it is used.
 */
final class CscKeyProvider implements KeyProvider {

    /** What a person sees on the phone next to the request. */
    static final String DESCRIPTION = "Yêu cầu ký số văn bản của hệ thống Một Cửa";

    /** The CSC error of {@code credentials/authorizeCheck} when the signer refused (CSC v2 §10.2). */
    static final String REFUSED = "access_denied";
    /** Ours [M]: the CSC API names no error for an authorization that was never approved in time. */
    static final String EXPIRED = "authorization_expired";

    private final CscClient service;
    private final String credentialId;
    private List<CertificateToken> chain;

    CscKeyProvider(URI url, String credentialId, String clientId, String secret) {
        this(new CscClient(url, clientId, secret, Clock.systemUTC()), credentialId);
    }

    CscKeyProvider(CscClient service, String credentialId) {
        this.service = service;
        this.credentialId = credentialId;
    }

    /** Read once from the service, at the first signature (the application starts while the service is down). */
    @Override
    public synchronized List<CertificateToken> certificateChain() {
        if (chain == null) {
            List<String> known = new ArrayList<>();
            service.call("credentials/list", Map.of()).path("credentialIDs").forEach(id -> known.add(id.asText()));
            if (!known.contains(credentialId)) {
                throw new SigningServiceFailed(
                        "Dịch vụ ký số từ xa " + service.url() + " không có chứng thư số '" + credentialId
                                + "' cho tài khoản kết nối này; có: " + known + ".",
                        "The remote signing service " + service.url() + " has no credential '" + credentialId
                                + "' for this client; it has: " + known + ".");
            }
            List<CertificateToken> certificates = new ArrayList<>();
            service.call("credentials/info", Map.of("credentialID", credentialId, "certificates", "chain"))
                    .path("cert")
                    .path("certificates")
                    .forEach(der -> certificates.add(
                            DSSUtils.loadCertificate(service.base64("credentials/info", der.asText()))));
            if (certificates.isEmpty()) {
                throw service.outsideTheApi("credentials/info", "no certificate");
            }
            chain = List.copyOf(certificates);
        }
        return chain;
    }

    @Override
    public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
        byte[] hash = DSSUtils.digest(digest, data.getBytes());
        CscClient.Answer answer = service.post(
                "credentials/authorize",
                Map.of(
                        "credentialID",
                        credentialId,
                        "numSignatures",
                        1,
                        "hashes",
                        List.of(Base64.getEncoder().encodeToString(hash)),
                        "hashAlgorithmOID",
                        digest.getOid(),
                        "description",
                        DESCRIPTION));
        return switch (answer.status()) {
            case 200 -> signHash(digest, hash, sad(answer));
            case 202 -> new Pending(new CscReference(digest, hash, handle(answer)).toString());
            default -> throw service.failed("credentials/authorize", answer);
        };
    }

    @Override
    public Outcome poll(String reference) {
        CscReference request = CscReference.parse(reference);
        CscClient.Answer answer = service.post("credentials/authorizeCheck", Map.of("handle", request.handle()));
        if (answer.status() == 200) {
            return signHash(request.digest(), request.hash(), sad(answer));
        }
        if (answer.status() == 202) {
            return new Pending(reference);
        }
        return switch (answer.error()) {
            case REFUSED ->
                new Refused(
                        "Người ký đã từ chối yêu cầu ký trên điện thoại.",
                        "The signer refused the signing request on the phone.");
            case EXPIRED ->
                new Refused(
                        "Yêu cầu ký đã hết hạn: người ký không xác nhận kịp trên điện thoại.",
                        "The signing request expired: the signer did not approve it on the phone in time.");
            case "invalid_request" ->
                throw new SigningServiceFailed(
                        "Dịch vụ ký số từ xa " + service.url() + " không biết yêu cầu ký '" + request.handle()
                                + "' (đã dùng, đã xóa hoặc không phải của dịch vụ này).",
                        "The remote signing service " + service.url() + " does not know the signing request '"
                                + request.handle() + "' (used, removed, or not one of its own).");
            default -> throw service.failed("credentials/authorizeCheck", answer);
        };
    }

    private Signed signHash(DigestAlgorithm digest, byte[] hash, String sad) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(encryption(), digest);
        JsonNode signatures = service.call(
                        "signatures/signHash",
                        Map.of(
                                "credentialID", credentialId,
                                "SAD", sad,
                                "hashes", List.of(Base64.getEncoder().encodeToString(hash)),
                                "hashAlgorithmOID", digest.getOid(),
                                "signAlgo", algorithm.getOid()))
                .path("signatures");
        if (signatures.size() != 1) {
            throw service.outsideTheApi("signatures/signHash", signatures.size() + " signatures for one hash");
        }
        byte[] value = service.base64("signatures/signHash", signatures.get(0).asText());
        refuseIfNotTheSigners(digest, hash, value);
        return new Signed(new SignatureValue(algorithm, value));
    }

    /** A value that does not verify with the certificate would make a broken signature in an official document. */
    private void refuseIfNotTheSigners(DigestAlgorithm digest, byte[] hash, byte[] value) {
        CertificateToken certificate = certificateChain().get(0);
        boolean matches;
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initVerify(certificate.getPublicKey());
            rsa.update(DigestInfoEncoder.encode(digest.getOid(), hash));
            matches = rsa.verify(value);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            String name = Certificates.commonName(certificate);
            throw new SigningServiceFailed(
                    "Chữ ký mà dịch vụ ký số từ xa " + service.url() + " trả về không khớp với chứng thư số của " + name
                            + "; chữ ký này không được dùng.",
                    "The signature the remote signing service " + service.url() + " returned does not match the "
                            + "certificate of " + name + "; it is not used.");
        }
    }

    /** RSA only: the keys of Vietnamese officials' certificates; another kind is refused before anything is sent. */
    private EncryptionAlgorithm encryption() {
        String algorithm = certificateChain().get(0).getPublicKey().getAlgorithm();
        if (!"RSA".equals(algorithm)) {
            throw new IllegalStateException("The credential '" + credentialId + "' has a " + algorithm
                    + " key; the remote signer supports RSA keys only");
        }
        return EncryptionAlgorithm.RSA;
    }

    private String sad(CscClient.Answer answer) {
        String sad = answer.body().path("SAD").asText("");
        if (sad.isEmpty()) {
            throw service.outsideTheApi("credentials/authorize", "no SAD");
        }
        return sad;
    }

    private String handle(CscClient.Answer answer) {
        String handle = answer.body().path("handle").asText("");
        if (handle.isEmpty()) {
            throw service.outsideTheApi("credentials/authorize", "no handle");
        }
        return handle;
    }
}
