package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.signing.SigningCertificate.HolderKind;

/** When a registered certificate may sign, and the exact refusals when it may not. */
class CertificateRulesTests {

    private static final TestPki PKI = new TestPki("Một Cửa Test CA", "http://127.0.0.1:9/crl");
    // 2026-03-01 00:00 and 2027-03-01 00:00 in Vietnam (UTC+7)
    private static final Instant FROM = Instant.parse("2026-02-28T17:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-02-28T17:00:00Z");
    private static final CertificateToken LEADER =
            new CertificateToken(PKI.signer("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân phường Phan Rang", FROM, UNTIL)
                    .certificate());
    private static final CertificateToken OTHER =
            new CertificateToken(PKI.signer("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân phường Phan Rang")
                    .certificate());

    @Test
    void aValidCertificateHeldByItsSignerMaySign() {
        SigningCertificate registered = registered(Optional.empty());

        assertThatCode(() -> {
                    CertificateRules.refuseIfNotValid(registered, FROM.plus(Duration.ofDays(10)));
                    CertificateRules.refuseIfNotHeld(registered, signers(LEADER));
                })
                .doesNotThrowAnyException();
    }

    @Test
    void noCertificateRegisteredIsSaidForTheHolder() {
        assertRefused(
                CertificateRules.noneRegistered(HolderKind.PERSON, "pr.chutich"),
                "Chưa có chứng thư số nào được đăng ký cho cán bộ pr.chutich; không thể ký.",
                "No certificate is registered for the official pr.chutich; it cannot sign.");
        assertRefused(
                CertificateRules.noneRegistered(HolderKind.ORGANISATION, "000.20.43.H43"),
                "Chưa có chứng thư số nào được đăng ký cho cơ quan 000.20.43.H43; không thể ký.",
                "No certificate is registered for the agency 000.20.43.H43; it cannot sign.");
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsLastDayInVietnam() {
        assertThatThrownBy(() -> CertificateRules.refuseIfNotValid(registered(Optional.empty()), UNTIL.plusSeconds(1)))
                .satisfies(refused -> assertRefused(
                        (SigningRefused) refused,
                        "Chứng thư số của Nguyễn Văn Lãnh Đạo đã hết hạn từ ngày 01/03/2027; không thể ký.",
                        "The certificate of Nguyễn Văn Lãnh Đạo expired on 01/03/2027; it cannot sign."));
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        assertThatThrownBy(() -> CertificateRules.refuseIfNotValid(registered(Optional.empty()), FROM.minusSeconds(1)))
                .satisfies(refused -> assertRefused(
                        (SigningRefused) refused,
                        "Chứng thư số của Nguyễn Văn Lãnh Đạo chỉ có hiệu lực từ ngày 01/03/2026; chưa thể ký.",
                        "The certificate of Nguyễn Văn Lãnh Đạo is valid only from 01/03/2026; it cannot sign yet."));
    }

    @Test
    void aRevokedCertificateIsRefusedFromItsRevocationOn() {
        Instant revoked = Instant.parse("2026-06-14T17:00:00Z"); // 15/06/2026 in Vietnam
        SigningCertificate registered =
                registered(Optional.of(new SigningCertificate.Revocation(revoked, "Mất thiết bị ký", "admin")));

        assertThatCode(() -> CertificateRules.refuseIfNotValid(registered, revoked.minusSeconds(1)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CertificateRules.refuseIfNotValid(registered, revoked))
                .satisfies(refused -> assertRefused(
                        (SigningRefused) refused,
                        "Chứng thư số của Nguyễn Văn Lãnh Đạo đã bị thu hồi từ ngày 15/06/2026 (lý do: Mất thiết bị"
                                + " ký); không thể ký.",
                        "The certificate of Nguyễn Văn Lãnh Đạo was revoked on 15/06/2026 (reason: Mất thiết bị"
                                + " ký); it cannot sign."));
    }

    @Test
    void aKeyThatHoldsAnotherCertificateIsRefused() {
        SigningCertificate registered = registered(Optional.empty());

        assertThatThrownBy(() -> CertificateRules.refuseIfNotHeld(registered, signers(OTHER)))
                .satisfies(refused -> assertRefused(
                        (SigningRefused) refused,
                        "Khóa ký 'prchutich' không giữ chứng thư số đã đăng ký của Nguyễn Văn Lãnh Đạo (số sê-ri "
                                + registered.serialNumber() + "); không thể ký cho đến khi chứng thư số của khóa"
                                + " này được đăng ký.",
                        "The signer 'prchutich' does not hold the certificate registered for Nguyễn Văn Lãnh Đạo"
                                + " (serial " + registered.serialNumber() + "); it cannot sign until that key's"
                                + " certificate is registered."));
    }

    @Test
    void aSignerNoLongerConfiguredIsRefused() {
        assertThatThrownBy(() -> CertificateRules.refuseIfNotHeld(registered(Optional.empty()), new Signers(Map.of())))
                .satisfies(refused -> assertRefused(
                        (SigningRefused) refused,
                        "Chứng thư số của Nguyễn Văn Lãnh Đạo được đăng ký với khóa ký 'prchutich', nhưng cấu hình"
                                + " không còn khóa ký này (motcua.signing.signers.prchutich); không thể ký.",
                        "The certificate of Nguyễn Văn Lãnh Đạo is registered with the signer 'prchutich', which is"
                                + " no longer configured (motcua.signing.signers.prchutich); it cannot sign."));
    }

    private static SigningCertificate registered(Optional<SigningCertificate.Revocation> revocation) {
        return new SigningCertificate(
                1,
                HolderKind.PERSON,
                "pr.chutich",
                "prchutich",
                LEADER,
                CertificateRules.serial(LEADER),
                LEADER.getIssuer().getPrettyPrintRFC2253(),
                "Nguyễn Văn Lãnh Đạo",
                Optional.of("Ủy ban nhân dân phường Phan Rang"),
                FROM,
                UNTIL,
                revocation,
                FROM,
                "admin");
    }

    /** Signers whose one key, "prchutich", holds {@code certificate}. */
    private static Signers signers(CertificateToken certificate) {
        return new Signers(Map.of("prchutich", new KeyProvider() {
            @Override
            public List<CertificateToken> certificateChain() {
                return List.of(certificate);
            }

            @Override
            public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
                throw new UnsupportedOperationException();
            }
        }));
    }

    private static void assertRefused(SigningRefused refused, String vietnamese, String english) {
        assertThat(refused.vietnamese()).isEqualTo(vietnamese);
        assertThat(refused.english()).isEqualTo(english);
    }
}
