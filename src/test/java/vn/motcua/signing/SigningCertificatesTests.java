package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The register of signing certificates on the shared application: operators register a configured signer's
 * certificate for an official or an agency, list it, revoke it; {@link SigningCertificates} hands out only the one in
 * force. Each test uses signers of its own ({@link TestSigners}), so the order of the tests does not matter.
 */
@IntegrationTest
class SigningCertificatesTests {

    private static final String CERTIFICATES = "/api/signing/certificates";

    @LocalServerPort
    int port;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    JdbcTemplate sql;

    private Api api() {
        return new Api(port);
    }

    @Test
    void theSealConfiguredForTheWardIsRegisteredAtStartup() {
        JsonNode listed = api().get(CERTIFICATES + "?holder=" + TestSigners.WARD_CODE, "admin")
                .body();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("holderKind").asText()).isEqualTo("ORGANISATION");
        assertThat(listed.get(0).path("signer").asText()).isEqualTo(TestSigners.SEAL);
        assertThat(listed.get(0).path("registeredBy").asText()).isEqualTo("motcua.signing.signers.itseal");
        assertThat(listed.get(0).path("commonName").asText()).isEqualTo("Ủy ban nhân dân phường Phan Rang");
        SigningCertificate seal = certificates.forOrganisation(TestSigners.WARD_CODE, Instant.now());
        assertThat(seal.certificate()).isEqualTo(token(TestSigners.SEAL));
        assertThat(seal.signerId()).isEqualTo(TestSigners.SEAL);
    }

    @Test
    void anOperatorRegistersAnOfficialsCertificateListedWithItsExactValidity() {
        Api.Reply registered = register("PERSON", "sxd.chuyenvien", "itlanhdao");

        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        X509Certificate certificate = TestSigners.certificate("itlanhdao");
        JsonNode listed = api().get(CERTIFICATES + "?holderKind=PERSON&holder=sxd.chuyenvien", "admin")
                .body();
        assertThat(listed).hasSize(1);
        JsonNode row = listed.get(0);
        assertThat(row.path("id").asLong())
                .isEqualTo(registered.body().path("id").asLong());
        assertThat(row.path("signer").asText()).isEqualTo("itlanhdao");
        assertThat(row.path("commonName").asText()).isEqualTo("Trần Thị Lãnh Đạo");
        assertThat(row.path("organisation").asText()).isEqualTo("Sở Xây dựng tỉnh Ninh Thuận");
        assertThat(row.path("serialNumber").asText())
                .isEqualTo(certificate.getSerialNumber().toString(16).toUpperCase());
        assertThat(row.path("inForce").asBoolean()).isTrue();
        assertThat(row.path("registeredBy").asText()).isEqualTo("admin");
        assertThat(OffsetDateTime.parse(row.path("notBefore").asText()).toInstant())
                .isEqualTo(certificate.getNotBefore().toInstant());
        assertThat(OffsetDateTime.parse(row.path("notAfter").asText()).toInstant())
                .isEqualTo(certificate.getNotAfter().toInstant());
        assertThat(row.path("notAfter").asText()).endsWith("+07:00");

        SigningCertificate inForce = certificates.forPerson("sxd.chuyenvien", Instant.now());
        assertThat(inForce.id()).isEqualTo(row.path("id").asLong());
        assertThat(inForce.certificate()).isEqualTo(token("itlanhdao"));
        assertThat(inForce.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
    }

    @Test
    void aCertificatePastItsValidityIsRefusedWithItsDate() {
        assertThat(register("PERSON", "pr.truongphong", "ittruongphong").status())
                .isEqualTo(201);
        X509Certificate certificate = TestSigners.certificate("ittruongphong");
        Instant until = certificate.getNotAfter().toInstant();
        Instant from = certificate.getNotBefore().toInstant();

        assertThatThrownBy(() -> certificates.forPerson("pr.truongphong", until.plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(SigningRefused.class, refused -> {
                    assertThat(refused.vietnamese())
                            .isEqualTo("Chứng thư số của Lê Văn Trưởng Phòng đã hết hạn từ ngày "
                                    + CertificateRules.day(until) + "; không thể ký.");
                    assertThat(refused.english())
                            .isEqualTo("The certificate of Lê Văn Trưởng Phòng expired on "
                                    + CertificateRules.day(until) + "; it cannot sign.");
                });
        assertThatThrownBy(() -> certificates.forPerson("pr.truongphong", from.minus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(
                        SigningRefused.class,
                        refused -> assertThat(refused.vietnamese())
                                .isEqualTo("Chứng thư số của Lê Văn Trưởng Phòng chỉ có hiệu lực từ ngày "
                                        + CertificateRules.day(from) + "; chưa thể ký."));
    }

    @Test
    void anExpiredCertificateIsNotRegistered() {
        int before = rows();

        Api.Reply refused = register("PERSON", "ca.truongphong", "itexpired");

        assertThat(refused.status()).isEqualTo(400);
        String day = CertificateRules.day(
                TestSigners.certificate("itexpired").getNotAfter().toInstant());
        assertThat(refused.text("message"))
                .isEqualTo("Chứng thư số của khóa ký 'itexpired' (Đỗ Văn Hết Hạn) đã hết hạn từ ngày " + day
                        + "; không đăng ký chứng thư số đã hết hạn.");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aRevokedCertificateIsRefusedWithTheRevocationDateAndReason() {
        long id = register("PERSON", "pr.vanthu", "itvanthu").body().path("id").asLong();
        String today = CertificateRules.day(Instant.now());
        String isoToday = java.time.LocalDate.now(CertificateRules.VIETNAM).toString();

        Api.Reply revoked = api().post(
                        CERTIFICATES + "/" + id + "/revocation",
                        "admin",
                        Map.of("reason", "Thiết bị ký bị mất", "date", isoToday));

        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        assertThat(revoked.text("revocationReason")).isEqualTo("Thiết bị ký bị mất");
        assertThat(revoked.text("revokedBy")).isEqualTo("admin");
        assertThat(revoked.text("revokedAt")).isEqualTo(isoToday + "T00:00:00+07:00");
        assertThatThrownBy(() -> certificates.forPerson("pr.vanthu", Instant.now()))
                .isInstanceOfSatisfying(SigningRefused.class, refused -> {
                    assertThat(refused.vietnamese())
                            .isEqualTo("Chứng thư số của Phạm Thị Văn Thư đã bị thu hồi từ ngày " + today
                                    + " (lý do: Thiết bị ký bị mất); không thể ký.");
                    assertThat(refused.english())
                            .isEqualTo("The certificate of Phạm Thị Văn Thư was revoked on " + today
                                    + " (reason: Thiết bị ký bị mất); it cannot sign.");
                });
        JsonNode listed = api().get(CERTIFICATES + "?holder=pr.vanthu", "admin").body();
        assertThat(listed.get(0).path("inForce").asBoolean()).isFalse();

        Api.Reply again = api().post(CERTIFICATES + "/" + id + "/revocation", "admin", Map.of("reason", "Lần nữa"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message"))
                .isEqualTo("Chứng thư số " + id + " của Phạm Thị Văn Thư đã được ghi nhận thu hồi từ ngày " + today
                        + "; không ghi nhận lại.");
        assertThat(sql.queryForObject(
                        "select revocation_reason from signing_certificate where id = ?", String.class, id))
                .isEqualTo("Thiết bị ký bị mất");
    }

    @Test
    void aNewerCertificateReplacesTheOlderForNewSignatures() {
        long older = register("PERSON", "pr.chuyenvien", "itchutich1")
                .body()
                .path("id")
                .asLong();
        assertThat(certificates.forPerson("pr.chuyenvien", Instant.now()).id()).isEqualTo(older);

        long newer = register("PERSON", "pr.chuyenvien", "itchutich2")
                .body()
                .path("id")
                .asLong();

        SigningCertificate inForce = certificates.forPerson("pr.chuyenvien", Instant.now());
        assertThat(inForce.id()).isEqualTo(newer);
        assertThat(inForce.signerId()).isEqualTo("itchutich2");
        assertThat(inForce.certificate()).isEqualTo(token("itchutich2"));
        JsonNode listed =
                api().get(CERTIFICATES + "?holder=pr.chuyenvien", "admin").body();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(newer);
        assertThat(listed.get(0).path("inForce").asBoolean()).isTrue();
        assertThat(listed.get(1).path("id").asLong()).isEqualTo(older);
        assertThat(listed.get(1).path("inForce").asBoolean()).isFalse();
    }

    @Test
    void aHolderWithoutACertificateCannotSign() {
        assertThatThrownBy(() -> certificates.forPerson("bhxh.canbo", Instant.now()))
                .isInstanceOfSatisfying(
                        SigningRefused.class,
                        refused -> assertThat(refused.vietnamese())
                                .isEqualTo("Chưa có chứng thư số nào được đăng ký cho cán bộ bhxh.canbo; không thể"
                                        + " ký."));
    }

    @Test
    void badRegistrationsAndRevocationsAreRefusedWithAMessageAndStoreNothing() {
        int before = rows();
        List<String> wrong = new ArrayList<>();
        expect(
                wrong,
                register("PERSON", "pr.chutich", "khongco"),
                400,
                "Không có khóa ký 'khongco' trong cấu hình (motcua.signing.signers); các khóa ký có: ");
        expect(
                wrong,
                register("ORGANISATION", "000.99.99.H43", "itspare"),
                400,
                "Không có cơ quan mã '000.99.99.H43' trong danh mục; không đăng ký được chứng thư số.");
        expect(
                wrong,
                register("PERSON", "khong.co.ai", "itspare"),
                400,
                "Không có người dùng 'khong.co.ai' trong hệ thống; không đăng ký được chứng thư số.");
        expect(
                wrong,
                register("ROBOT", "pr.chutich", "itspare"),
                400,
                "Loại người giữ chứng thư số (holderKind) phải là PERSON (cán bộ) hoặc ORGANISATION (cơ quan, tổ"
                        + " chức), không phải \"ROBOT\".");
        expect(
                wrong,
                register("PERSON", " ", "itspare"),
                400,
                "Vui lòng cho biết người giữ chứng thư số (holder): tên đăng nhập của cán bộ hoặc mã cơ quan.");
        expect(
                wrong,
                register("PERSON", "pr.chutich", TestSigners.SEAL),
                409,
                "Chứng thư số của khóa ký 'itseal' (Ủy ban nhân dân phường Phan Rang, số sê-ri "
                        + TestSigners.certificate(TestSigners.SEAL)
                                .getSerialNumber()
                                .toString(16)
                                .toUpperCase()
                        + ") đã được đăng ký cho cơ quan 000.20.43.H43");
        expect(
                wrong,
                api().post(CERTIFICATES + "/987654/revocation", "admin", Map.of("reason", "Mất")),
                404,
                "Không có chứng thư số nào mang mã đăng ký 987654.");
        expect(
                wrong,
                api().post(CERTIFICATES + "/abc/revocation", "admin", Map.of("reason", "Mất")),
                404,
                "Không có chứng thư số nào mang mã đăng ký abc.");
        long seal = certificates
                .forOrganisation(TestSigners.WARD_CODE, Instant.now())
                .id();
        expect(
                wrong,
                api().post(CERTIFICATES + "/" + seal + "/revocation", "admin", Map.of("date", "2026-01-01")),
                400,
                "Vui lòng nêu lý do thu hồi chứng thư số (reason).");
        expect(
                wrong,
                api().post(
                                CERTIFICATES + "/" + seal + "/revocation",
                                "admin",
                                Map.of("reason", "Mất", "date", "01/01/2026")),
                400,
                "Ngày thu hồi \"01/01/2026\" không đúng dạng YYYY-MM-DD (ví dụ 2026-12-01).");
        expect(
                wrong,
                api().post(
                                CERTIFICATES + "/" + seal + "/revocation",
                                "admin",
                                Map.of("reason", "Mất", "date", "2999-01-01")),
                400,
                "Ngày thu hồi 01/01/2999 ở sau hôm nay; chỉ ghi nhận thu hồi đã xảy ra.");
        expect(
                wrong,
                api().get(CERTIFICATES, "pr.chutich"),
                403,
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được xem và quản lý chứng thư số ký.");

        assertThat(wrong).isEmpty();
        assertThat(rows()).isEqualTo(before);
        assertThat(sql.queryForObject(
                        "select count(*) from signing_certificate where revoked_at is not null and holder = ?",
                        Integer.class,
                        TestSigners.WARD_CODE))
                .isZero();
    }

    private Api.Reply register(String kind, String holder, String signer) {
        return api().post(CERTIFICATES, "admin", Map.of("holderKind", kind, "holder", holder, "signer", signer));
    }

    /** Notes a reply of another status, or whose Vietnamese message does not start so, or that lacks the English. */
    private static void expect(List<String> wrong, Api.Reply reply, int status, String message) {
        if (reply.status() != status
                || !reply.text("message").startsWith(message)
                || reply.text("messageEn").isBlank()) {
            wrong.add("expected " + status + " \"" + message + "\", got " + reply.status() + " " + reply.body());
        }
    }

    private int rows() {
        return sql.queryForObject("select count(*) from signing_certificate", Integer.class);
    }

    private static CertificateToken token(String signer) {
        return new CertificateToken(TestSigners.certificate(signer));
    }
}
