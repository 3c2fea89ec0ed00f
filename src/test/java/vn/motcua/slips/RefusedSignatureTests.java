package vn.motcua.slips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The chairman's certificate revoked: his approval is refused in Tasklist's own call with the reason (409, Vietnamese
 * and English), the task stays his and nothing is stored; once the revocation is taken back (here: by the test, which
 * restores the register), the same approval signs.
 */
@IntegrationTest
class RefusedSignatureTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRevokedCertificateRefusesTheLeadersApprovalWithTheReasonAndStoresNothing() {
        String code = api.fileHousePermitOnline().code();
        api.walkToTheLeader(code);
        JsonNode task = api.tasks("pr.chutich", code).get(0);
        String taskId = task.path("id").asText();
        assertThat(api.claim("pr.chutich", taskId)).isEqualTo(204);

        long inForce = jdbc.queryForObject(
                "select max(id) from signing_certificate where holder_kind = 'PERSON' and holder = 'pr.chutich'",
                Long.class);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        jdbc.update(
                "update signing_certificate set revoked_at = ?, revocation_reason = ?, revoked_by = 'admin'"
                        + " where id = ?",
                yesterday.atStartOfDay(),
                "Mất thiết bị ký",
                inForce);
        try {
            Api.Reply refused = api.complete("pr.chutich", taskId, Map.of("reviewDecision", "agree"));
            String day = yesterday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.text("message"))
                    .isEqualTo("Không ký được văn bản kết quả của hồ sơ " + code + ": Chứng thư số của Lương Văn Nam"
                            + " đã bị thu hồi từ ngày " + day + " (lý do: Mất thiết bị ký); không thể ký. Hồ sơ chưa"
                            + " được chuyển bước.");
            assertThat(refused.text("messageEn"))
                    .isEqualTo("The result of dossier " + code + " cannot be signed: The certificate of Lương Văn Nam"
                            + " was revoked on " + day + " (reason: Mất thiết bị ký); it cannot sign. The dossier"
                            + " was not moved on.");
            assertThat(api.tasks("pr.chutich", code))
                    .extracting(t -> t.path("id").asText())
                    .containsExactly(taskId);
            assertThat(jdbc.queryForObject(
                            "select count(*) from signed_document where dossier_code = ? and kind = 'RESULT'",
                            Integer.class,
                            code))
                    .isZero();
        } finally {
            jdbc.update(
                    "update signing_certificate set revoked_at = null, revocation_reason = null, revoked_by = null"
                            + " where id = ?",
                    inForce);
        }
        assertThat(api.complete("pr.chutich", taskId, Map.of("reviewDecision", "agree"))
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.queryForList(
                        "select revision from signed_document where dossier_code = ? and kind = 'RESULT'",
                        Integer.class,
                        code))
                .isEqualTo(List.of(1));
    }
}
