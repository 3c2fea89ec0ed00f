package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.signing.KeyProvider.Pending;
import vn.motcua.signing.KeyProvider.Refused;
import vn.motcua.signing.KeyProvider.Signed;
import vn.motcua.signing.TestCscService.PhoneRequest;
import vn.motcua.signing.Verdict.Indication;

/** Remote signing against the test CSC service in its own process, the test playing the signer's phone. */
class CscKeyProviderTests {

    static final String REMOTE_NAME = "Phạm Thị Thu Hà";
    private static final Refused REFUSED = new Refused(
            "Người ký đã từ chối yêu cầu ký trên điện thoại.", "The signer refused the signing request on the phone.");

    private static Signatures signatures;
    private static TestCscService service;

    @BeforeAll
    static void startTheAuthoritiesAndTheRemoteSigningService() throws IOException, InterruptedException {
        signatures = new Signatures();
        service = new TestCscService(signatures.authorities.pki(), REMOTE_NAME, Signatures.WARD, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopThem() {
        service.close();
        signatures.close();
    }

    @Test
    void theSignerApprovesOnThePhoneAndTheSignatureClaimsTheTimeOfPrepare() throws Exception {
        Instant prepareTime = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        MovableClock clock = new MovableClock(prepareTime);
        PdfSigner signer = PdfSigner.timestamped(clock, new OnlineTSPSource(signatures.authorities.tsaUrl()));
        KeyProvider remote = remote(TestCscService.CREDENTIAL_ID, TestCscService.SECRET);

        List<CertificateToken> chain = remote.certificateChain();
        assertThat(chain)
                .extracting(CertificateToken::getCertificate)
                .containsExactly(
                        service.certificate(), signatures.authorities.pki().root());
        PreparedSignature prepared = signer.prepare(TestPermit.pdf(), TestPermit.LEADER, chain);
        KeyProvider.Outcome asked = remote.sign(prepared.dataToSign(), PdfSigner.DIGEST);

        assertThat(asked).isInstanceOf(Pending.class);
        String reference = ((Pending) asked).reference();
        assertThat(remote.poll(reference)).isEqualTo(new Pending(reference));
        PhoneRequest onThePhone = service.request(hashOf(prepared));
        assertThat(onThePhone.description()).isEqualTo("Yêu cầu ký số văn bản của hệ thống Một Cửa");
        assertThat(onThePhone.state()).isEqualTo("PENDING");

        clock.set(Instant.now());
        assertThat(service.approve(onThePhone.handle())).isEqualTo(200);
        KeyProvider.Outcome approved = remote.poll(reference);

        assertThat(approved).isInstanceOf(Signed.class);
        byte[] signed = signer.complete(prepared, ((Signed) approved).value());
        Verdict verdict = signatures.verifier.verify(signed);
        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.signerName()).isEqualTo(REMOTE_NAME);
            assertThat(signature.organisation()).contains(Signatures.WARD);
            assertThat(signature.intact()).isTrue();
            assertThat(signature.signingTime()).isEqualTo(prepareTime);
            assertThat(signature.timestamp())
                    .hasValueSatisfying(time -> assertThat(time).isAfter(prepareTime.plus(Duration.ofMinutes(9))));
        });
        assertThat(service.request(hashOf(prepared)).state()).isEqualTo("SIGNED");
    }

    @Test
    void aRefusalOnThePhoneIsRefusedInVietnameseAndEnglishAndNothingIsSigned() throws Exception {
        KeyProvider remote = remote(TestCscService.CREDENTIAL_ID, TestCscService.SECRET);
        PreparedSignature prepared =
                signatures.signer.prepare(TestPermit.pdf(), TestPermit.LEADER, remote.certificateChain());
        String reference = ((Pending) remote.sign(prepared.dataToSign(), PdfSigner.DIGEST)).reference();
        String handle = service.request(hashOf(prepared)).handle();

        assertThat(service.refuse(handle)).isEqualTo(200);

        assertThat(remote.poll(reference)).isEqualTo(REFUSED);
        assertThat(service.approve(handle)).isEqualTo(409);
        assertThat(remote.poll(reference)).isEqualTo(REFUSED);
        assertThat(service.request(hashOf(prepared)).state()).isEqualTo("REFUSED");
    }

    @Test
    void aRequestNotApprovedInTimeExpires() throws Exception {
        try (TestCscService hurried = new TestCscService(
                        signatures.authorities.pki(), "Hoàng Văn Chậm", Signatures.WARD, Duration.ofSeconds(1));
                KeyProvider remote = new CscKeyProvider(
                        hurried.url(), TestCscService.CREDENTIAL_ID, TestCscService.CLIENT_ID, TestCscService.SECRET)) {
            PreparedSignature prepared =
                    signatures.signer.prepare(TestPermit.pdf(), TestPermit.LEADER, remote.certificateChain());
            String reference = ((Pending) remote.sign(prepared.dataToSign(), PdfSigner.DIGEST)).reference();

            Thread.sleep(1_500);

            assertThat(remote.poll(reference))
                    .isEqualTo(new Refused(
                            "Yêu cầu ký đã hết hạn: người ký không xác nhận kịp trên điện thoại.",
                            "The signing request expired: the signer did not approve it on the phone in time."));
            PhoneRequest late = hurried.request(hashOf(prepared));
            assertThat(late.state()).isEqualTo("EXPIRED");
            assertThat(hurried.approve(late.handle())).isEqualTo(409);
        }
    }

    @Test
    void theServiceSignsOnlyTheApprovedHashWithTheApprovedSadAndOnlyOnce() throws Exception {
        KeyProvider remote = remote(TestCscService.CREDENTIAL_ID, TestCscService.SECRET);
        CscClient client =
                new CscClient(service.url(), TestCscService.CLIENT_ID, TestCscService.SECRET, Clock.systemUTC());
        PreparedSignature prepared =
                signatures.signer.prepare(TestPermit.pdf(), TestPermit.LEADER, remote.certificateChain());
        String reference = ((Pending) remote.sign(prepared.dataToSign(), PdfSigner.DIGEST)).reference();
        String handle = service.request(hashOf(prepared)).handle();
        assertThat(service.approve(handle)).isEqualTo(200);
        String sad = client.post("credentials/authorizeCheck", Map.of("handle", handle))
                .body()
                .get("SAD")
                .asText();
        String otherHash = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(signHash(client, TestCscService.CREDENTIAL_ID, sad, otherHash))
                .isEqualTo(new CscClient.Answer(400, error("invalid_request", "Hash is not authorized by the SAD")));
        assertThat(signHash(client, TestCscService.CREDENTIAL_ID, "not-" + sad, hashOf(prepared)))
                .isEqualTo(new CscClient.Answer(400, error("invalid_request", "Invalid parameter SAD")));
        assertThat(signHash(client, "cccd-khac", sad, hashOf(prepared)))
                .isEqualTo(new CscClient.Answer(400, error("invalid_request", "Invalid parameter credentialID")));

        assertThat(remote.poll(reference)).isInstanceOf(Signed.class);
        assertThat(signHash(client, TestCscService.CREDENTIAL_ID, sad, hashOf(prepared)))
                .isEqualTo(new CscClient.Answer(400, error("invalid_request", "Invalid parameter SAD")));
        assertThatThrownBy(() -> remote.poll(reference)).isInstanceOf(SigningServiceFailed.class);
    }

    @Test
    void aSignatureThatDoesNotMatchTheCertificateIsNotUsed() throws Exception {
        try (TestCscService forging = new TestCscService(
                        signatures.authorities.pki(), "Đỗ Văn Giả", Signatures.WARD, Duration.ofMinutes(1), true);
                KeyProvider remote = new CscKeyProvider(
                        forging.url(), TestCscService.CREDENTIAL_ID, TestCscService.CLIENT_ID, TestCscService.SECRET)) {
            PreparedSignature prepared =
                    signatures.signer.prepare(TestPermit.pdf(), TestPermit.LEADER, remote.certificateChain());
            String reference = ((Pending) remote.sign(prepared.dataToSign(), PdfSigner.DIGEST)).reference();
            assertThat(forging.approve(forging.request(hashOf(prepared)).handle()))
                    .isEqualTo(200);

            assertThatThrownBy(() -> remote.poll(reference))
                    .isInstanceOfSatisfying(SigningServiceFailed.class, failed -> {
                        assertThat(failed.vietnamese())
                                .isEqualTo("Chữ ký mà dịch vụ ký số từ xa " + forging.url() + " trả về không khớp "
                                        + "với chứng thư số của Đỗ Văn Giả; chữ ký này không được dùng.");
                        assertThat(failed.english())
                                .isEqualTo("The signature the remote signing service " + forging.url() + " returned "
                                        + "does not match the certificate of Đỗ Văn Giả; it is not used.");
                    });
        }
    }

    @Test
    void aWrongSecretIsAClearError() {
        KeyProvider remote = remote(TestCscService.CREDENTIAL_ID, "sai-mat-khau");

        assertThatThrownBy(remote::certificateChain).isInstanceOfSatisfying(SigningServiceFailed.class, failed -> {
            assertThat(failed.vietnamese())
                    .isEqualTo("Dịch vụ ký số từ xa " + service.url() + " không chấp nhận tài khoản kết nối "
                            + "'motcua-phan-rang' (sai mã hoặc mật khẩu kết nối).");
            assertThat(failed.english())
                    .isEqualTo("The remote signing service " + service.url() + " does not accept the client "
                            + "'motcua-phan-rang' (wrong client id or secret).");
        });
    }

    @Test
    void anUnknownCredentialIsAClearError() {
        KeyProvider remote = remote("cccd-khong-co", TestCscService.SECRET);

        assertThatThrownBy(remote::certificateChain).isInstanceOfSatisfying(SigningServiceFailed.class, failed -> {
            assertThat(failed.vietnamese())
                    .isEqualTo("Dịch vụ ký số từ xa " + service.url() + " không có chứng thư số 'cccd-khong-co' cho "
                            + "tài khoản kết nối này; có: [cccd-079123456789].");
            assertThat(failed.english())
                    .isEqualTo("The remote signing service " + service.url() + " has no credential 'cccd-khong-co' "
                            + "for this client; it has: [cccd-079123456789].");
        });
    }

    @Test
    void aServiceThatIsDownIsAClearErrorToTryAgainLater() throws IOException {
        URI down;
        try (ServerSocket closedSoon = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = URI.create("http://127.0.0.1:" + closedSoon.getLocalPort() + "/csc/v2");
        }
        KeyProvider remote =
                new CscKeyProvider(down, TestCscService.CREDENTIAL_ID, TestCscService.CLIENT_ID, TestCscService.SECRET);

        assertThatThrownBy(() -> remote.sign(new ToBeSigned(new byte[] {1, 2, 3}), DigestAlgorithm.SHA256))
                .isInstanceOfSatisfying(SigningServiceFailed.class, failed -> {
                    assertThat(failed.vietnamese())
                            .isEqualTo("Không kết nối được dịch vụ ký số từ xa " + down + "; hãy thử lại sau.");
                    assertThat(failed.english())
                            .isEqualTo("The remote signing service " + down + " cannot be reached; try again later.");
                });
    }

    @Test
    void aPollOfAReferenceTheServiceDoesNotKnowIsAClearError() {
        KeyProvider remote = remote(TestCscService.CREDENTIAL_ID, TestCscService.SECRET);
        String unknown = "csc:SHA256:" + Base64.getEncoder().encodeToString(new byte[32]) + ":khong-co-yeu-cau-nay";

        assertThatThrownBy(() -> remote.poll(unknown)).isInstanceOfSatisfying(SigningServiceFailed.class, failed -> {
            assertThat(failed.vietnamese())
                    .isEqualTo("Dịch vụ ký số từ xa " + service.url() + " không biết yêu cầu ký "
                            + "'khong-co-yeu-cau-nay' (đã dùng, đã xóa hoặc không phải của dịch vụ này).");
            assertThat(failed.english())
                    .isEqualTo("The remote signing service " + service.url() + " does not know the signing "
                            + "request 'khong-co-yeu-cau-nay' (used, removed, or not one of its own).");
        });
        assertThatThrownBy(() -> remote.poll("12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Not a reference of a remote (CSC) signer: '12345' (expected csc:<digest>:<hash>:<handle>)");
    }

    private static KeyProvider remote(String credentialId, String secret) {
        return new CscKeyProvider(service.url(), credentialId, TestCscService.CLIENT_ID, secret);
    }

    private static String hashOf(PreparedSignature prepared) {
        return Base64.getEncoder()
                .encodeToString(DSSUtils.digest(
                        DigestAlgorithm.SHA256, prepared.dataToSign().getBytes()));
    }

    private static CscClient.Answer signHash(CscClient client, String credentialId, String sad, String hash) {
        return client.post(
                "signatures/signHash",
                Map.of(
                        "credentialID",
                        credentialId,
                        "SAD",
                        sad,
                        "hashes",
                        List.of(hash),
                        "hashAlgorithmOID",
                        TestCscServer.SHA256,
                        "signAlgo",
                        TestCscServer.SHA256_WITH_RSA));
    }

    private static com.fasterxml.jackson.databind.JsonNode error(String error, String description) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("error", error)
                .put("error_description", description);
    }

    /** A clock the test moves: the official approves minutes after the document was prepared. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
