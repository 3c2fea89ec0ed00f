package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.signing.Verdict.Indication;
import vn.motcua.signing.Verdict.Revocation;

/** B-LT where the chain reaches a trust anchor and its revocation data answers, and the revocation check before it. */
class PdfSignerLongTermTests {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private Signatures signatures;

    @BeforeEach
    void startTheTestAuthorities() throws IOException {
        signatures = new Signatures();
    }

    @AfterEach
    void stopThem() {
        signatures.close();
    }

    @Test
    void leaderSignsThenTheWardSealsBothAtLongTerm() throws IOException {
        PreparedSignature prepared =
                signatures.longTerm.prepare(TestPermit.pdf(), TestPermit.LEADER, signatures.leader.certificateChain());
        assertThat(prepared.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(signatures.longTerm.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);

        Verdict verdict = signatures.verifier.verify(signatures.signedAndSealedLongTerm());

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.signatures())
                .extracting(Verdict.Signature::signerName)
                .containsExactly(Signatures.LEADER_NAME, Signatures.WARD);
        assertThat(verdict.signatures()).allSatisfy(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
            assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
            assertThat(signature.timestamp()).isPresent();
        });
    }

    @Test
    void aSignatureAskedAtMostBTIsTimestampedOnlyAndARevokedCertificateIsStillRefused() throws IOException {
        byte[] slip = signatures.longTerm.sign(
                TestPermit.pdf(), TestPermit.SEAL, signatures.ward, SignatureLevel.PAdES_BASELINE_T);

        Verdict verdict = signatures.verifier.verify(slip);
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(signature.timestamp()).isPresent();
            assertThat(signature.revocation()).as("asked of the authority now").isEqualTo(Revocation.GOOD);
        });
        assertThat(signatures
                        .signer
                        .prepare(
                                TestPermit.pdf(),
                                TestPermit.SEAL,
                                signatures.ward.certificateChain(),
                                SignatureLevel.PAdES_BASELINE_LT)
                        .level())
                .as("a B-T signer asked at most B-LT signs at B-T")
                .isEqualTo(SignatureLevel.PAdES_BASELINE_T);

        TestPki.Entity entity = signatures.authorities.pki().signer("Phan Văn Phiếu", Signatures.WARD);
        signatures.authorities.pki().revoke(entity.certificate(), Instant.now().minus(Duration.ofHours(1)));
        KeyProvider revoked = signatures.keyFile(entity, "slip-revoked");
        assertThatThrownBy(() -> signatures.longTerm.sign(
                        TestPermit.pdf(), TestPermit.SEAL, revoked, SignatureLevel.PAdES_BASELINE_T))
                .isInstanceOf(SigningRefused.class)
                .hasMessageContaining("Phan Văn Phiếu");
        revoked.close();
    }

    @Test
    void theEmbeddedRevocationDataValidatesWithTheAuthoritiesStopped() throws IOException {
        byte[] sealed = signatures.signedAndSealedLongTerm();
        signatures.authorities.close();

        Verdict verdict = signatures.verifier.verify(sealed);

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).hasSize(2).allSatisfy(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
        });
    }

    @Test
    void aChainThatReachesNoConfiguredAnchorIsSignedAtBT() throws IOException {
        TestPki other = new TestPki("Tổ chức chứng thực khác", "http://127.0.0.1:9/crl/other.crl");
        PdfSigner elsewhere = PdfSigner.longTerm(
                Clock.systemUTC(),
                new OnlineTSPSource(signatures.authorities.tsaUrl()),
                List.of(new CertificateToken(other.root())));

        PreparedSignature prepared =
                elsewhere.prepare(TestPermit.pdf(), TestPermit.LEADER, signatures.leader.certificateChain());
        Verdict verdict =
                signatures.verifier.verify(elsewhere.sign(TestPermit.pdf(), TestPermit.LEADER, signatures.leader));

        assertThat(prepared.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
        });
    }

    @Test
    void aCertificateThatNamesNoRevocationServiceIsSignedAtBT() throws IOException {
        KeyProvider unchecked = signatures.keyFile(
                signatures.authorities.pki().signerWithoutRevocationPointers("Phạm Văn Không Tra", Signatures.WARD),
                "unchecked");

        PreparedSignature prepared =
                signatures.longTerm.prepare(TestPermit.pdf(), TestPermit.LEADER, unchecked.certificateChain());
        Verdict verdict =
                signatures.verifier.verify(signatures.longTerm.sign(TestPermit.pdf(), TestPermit.LEADER, unchecked));
        unchecked.close();

        assertThat(prepared.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(verdict.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(verdict.subIndication()).contains("CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(signature.revocation()).isEqualTo(Revocation.UNKNOWN);
            assertThat(signature.details()).contains("No revocation data found for the certificate!");
        });
    }

    @Test
    void aCertificateRevokedBeforeSigningIsRefusedAndTheKeyNeverSigns() throws IOException {
        TestPki.Entity entity = signatures.authorities.pki().signer("Lê Thị Thu Hồi", Signatures.WARD);
        Instant revokedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        signatures.authorities.pki().revoke(entity.certificate(), revokedAt);
        CountingKey key = new CountingKey(signatures.keyFile(entity, "revoked"));
        byte[] permit = TestPermit.pdf();
        String when = SHOWN.format(revokedAt);

        for (PdfSigner signer : List.of(signatures.longTerm, signatures.signer)) {
            assertThatThrownBy(() -> signer.sign(permit, TestPermit.LEADER, key))
                    .isInstanceOfSatisfying(SigningRefused.class, refused -> {
                        assertThat(refused.vietnamese())
                                .isEqualTo(
                                        "Chứng thư số của Lê Thị Thu Hồi đã bị thu hồi từ " + when + "; không thể ký.");
                        assertThat(refused.english())
                                .isEqualTo("The certificate of Lê Thị Thu Hồi was revoked on " + when
                                        + "; it cannot sign.");
                    });
        }
        assertThat(key.signatures.get()).isZero();
        key.close();
    }

    @Test
    void aCertificateRevokedAfterTheTimestampStillPassesButTheVerdictSaysRevoked() throws Exception {
        TestPki.Entity entity = signatures.authorities.pki().signer("Lê Văn Sau Này", Signatures.WARD);
        KeyProvider key = signatures.keyFile(entity, "later");
        byte[] signed = signatures.longTerm.sign(TestPermit.pdf(), TestPermit.LEADER, key);
        key.close();
        Instant timestamp = signatures
                .verifier
                .verify(signed)
                .signatures()
                .get(0)
                .timestamp()
                .orElseThrow();
        Instant revokedAt = timestamp.plusSeconds(2);
        while (Instant.now().isBefore(revokedAt.plusMillis(100))) {
            Thread.sleep(100);
        }
        signatures.authorities.pki().revoke(entity.certificate(), revokedAt);

        Verdict verdict = signatures.verifier.verify(signed);

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
            assertThat(signature.revocation()).isEqualTo(Revocation.REVOKED);
        });
    }

    @Test
    void withoutOcspTheCrlAloneRefusesARevokedCertificateAndServesBLT() throws IOException {
        signatures.authorities.stopOcsp();
        TestPki.Entity entity = signatures.authorities.pki().signer("Đỗ Văn Danh Sách", Signatures.WARD);
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        signatures.authorities.pki().revoke(entity.certificate(), revokedAt);
        KeyProvider revoked = signatures.keyFile(entity, "crl-revoked");
        byte[] permit = TestPermit.pdf();

        assertThatThrownBy(() -> signatures.longTerm.sign(permit, TestPermit.LEADER, revoked))
                .isInstanceOfSatisfying(
                        SigningRefused.class,
                        refused -> assertThat(refused.english())
                                .isEqualTo("The certificate of Đỗ Văn Danh Sách was revoked on "
                                        + SHOWN.format(revokedAt) + "; it cannot sign."));
        revoked.close();

        PreparedSignature prepared =
                signatures.longTerm.prepare(permit, TestPermit.LEADER, signatures.leader.certificateChain());
        Verdict verdict =
                signatures.verifier.verify(signatures.longTerm.sign(permit, TestPermit.LEADER, signatures.leader));

        assertThat(prepared.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
        });
    }

    @Test
    void aTimestampAuthorityWithoutRevocationDataKeepsTheSignatureAtBTOnceTheKeyHasSigned() throws IOException {
        TestPki other = new TestPki("Tổ chức cấp dấu thời gian khác", "http://127.0.0.1:9/crl/tsa.crl");
        TestPki.Entity tsa = other.timestampAuthority();
        KeyEntityTSPSource timestamps = new KeyEntityTSPSource(
                tsa.keys().getPrivate(), tsa.certificate(), List.of(tsa.certificate(), other.root()));
        timestamps.setTsaPolicy("1.3.6.1.4.1.99999.1.1");
        List<CertificateToken> anchors =
                List.of(new CertificateToken(signatures.authorities.pki().root()), new CertificateToken(other.root()));
        PdfSigner signer = PdfSigner.longTerm(Clock.systemUTC(), timestamps, anchors);
        CountingKey key = new CountingKey(signatures.leader);

        PreparedSignature prepared = signer.prepare(TestPermit.pdf(), TestPermit.LEADER, key.certificateChain());
        byte[] signed = signer.sign(TestPermit.pdf(), TestPermit.LEADER, key);
        Verdict verdict = new PdfVerifier(anchors).verify(signed);

        assertThat(prepared.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(key.signatures.get()).isEqualTo(1);
        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
        });
    }

    /** A key that counts how often it was asked to sign. */
    private static final class CountingKey implements KeyProvider {
        private final KeyProvider key;
        final AtomicInteger signatures = new AtomicInteger();

        CountingKey(KeyProvider key) {
            this.key = key;
        }

        @Override
        public List<CertificateToken> certificateChain() {
            return key.certificateChain();
        }

        @Override
        public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
            signatures.incrementAndGet();
            return key.sign(data, digest);
        }

        @Override
        public void close() {
            key.close();
        }
    }
}
