package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.dossier.Dossiers;

/** The other ways a dossier goes, driven over HTTP as officials and citizens drive them. */
@IntegrationTest
class DossierPathsTests {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcTemplate sql;

    Api api;
    DossierLifecycleTests walk;

    @BeforeEach
    void client() {
        api = new Api(port);
        walk = new DossierLifecycleTests();
        walk.api = api;
    }

    record Filed(String code, String secret) {}

    Filed fileHousePermit() {
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(201);
        return new Filed(reply.text("code"), reply.text("secret"));
    }

    @Test
    void refusalAtReceptionEndsTheDossierWithTheReasonShownToTheCitizen() {
        Filed dossier = fileHousePermit();
        walk.step(
                "pr.tiepnhan",
                dossier.code(),
                "Task_CheckDossier",
                Map.of(
                        "receptionDecision", "refuse",
                        "receptionNote", "Thửa đất không thuộc địa bàn phường Phan Rang"));
        JsonNode tracking = walk.track(dossier.code(), 3, "Không được tiếp nhận");
        // the reason is the applicant's: shown with the secret, never to anyone who just knows the code
        assertThat(tracking.toString()).doesNotContain("Thửa đất không thuộc địa bàn phường Phan Rang");
        assertThat(api.getWithSecret("/api/tracking/" + dossier.code(), dossier.secret())
                        .body()
                        .toString())
                .contains("Thửa đất không thuộc địa bàn phường Phan Rang");
        assertThat(processOf(dossier)).isZero();
    }

    @Test
    void supplementAtReceptionWaitsForTheCitizenWhoseUploadResumesTheCheck() {
        Filed dossier = fileHousePermit();
        walk.step(
                "pr.tiepnhan",
                dossier.code(),
                "Task_CheckDossier",
                Map.of("receptionDecision", "supplement", "receptionNote", "Bổ sung bản vẽ mặt cắt"));
        walk.track(dossier.code(), 5, "Chờ công dân bổ sung hồ sơ");

        assertThat(supplement(dossier.code(), "sai-ma-bi-mat").status()).isEqualTo(403);
        assertThat(supplement(dossier.code(), dossier.secret()).status()).isEqualTo(202);

        walk.track(dossier.code(), 1, "Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        walk.track(dossier.code(), 4, "Đang phân công xử lý");
        assertThat(supplement(dossier.code(), dossier.secret()).status()).isEqualTo(409);
    }

    @Test
    void supplementDuringAppraisalPausesAndResumesTheAppraisal() {
        Filed dossier = fileHousePermit();
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        walk.step("pr.truongphong", dossier.code(), "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        walk.step(
                "pr.chuyenvien",
                dossier.code(),
                "Task_AppraiseDossier",
                Map.of(
                        "appraisalOutcome",
                        "supplement",
                        "appraisalNote",
                        "Thiếu bản cam kết an toàn công trình liền kề"));
        JsonNode waiting = walk.track(dossier.code(), 5, "Chờ công dân bổ sung hồ sơ");
        // the supplement request's reason is the applicant's: with the secret, not to whoever knows the code
        assertThat(waiting.toString()).doesNotContain("Thiếu bản cam kết an toàn công trình liền kề");
        assertThat(api.getWithSecret("/api/tracking/" + dossier.code(), dossier.secret())
                        .body()
                        .toString())
                .contains("Thiếu bản cam kết an toàn công trình liền kề");

        assertThat(supplement(dossier.code(), dossier.secret()).status()).isEqualTo(202);
        walk.track(dossier.code(), 4, "Đang thẩm định hồ sơ");
        assertThat(api.tasks("pr.chuyenvien", dossier.code())
                        .get(0)
                        .path("taskDefinitionKey")
                        .asText())
                .isEqualTo("Task_AppraiseDossier");
    }

    @Test
    void rejectionAfterAppraisalMakesTheReasonedReplyTheResult() {
        Filed dossier = fileHousePermit();
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        walk.step("pr.truongphong", dossier.code(), "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        walk.step(
                "pr.chuyenvien",
                dossier.code(),
                "Task_AppraiseDossier",
                Map.of("appraisalOutcome", "reject", "appraisalNote", "Công trình vi phạm chỉ giới xây dựng"));
        walk.step("pr.truongphong", dossier.code(), "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        walk.step("pr.chutich", dossier.code(), "Task_SignResult", Map.of("reviewDecision", "agree"));
        walk.step("pr.vanthu", dossier.code(), "Task_IssueResult", Map.of("resultNumber", "16/TB-UBND"));
        walk.step("pr.tiepnhan", dossier.code(), "Task_ReturnResult", Map.of("returnChannel", "post"));
        JsonNode done = walk.track(dossier.code(), 10, "Đã trả kết quả");
        assertThat(DossierLifecycleTests.steps(done))
                .anySatisfy(step -> assertThat(step.path("text").asText()).isEqualTo("Thẩm định hồ sơ"));
    }

    @Test
    void citizenWithdrawsBeforeAResultAndTheDossierStops() {
        Filed dossier = fileHousePermit();
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        assertThat(withdraw(dossier, "").status()).isEqualTo(400);
        assertThat(withdraw(dossier, "Gia đình thay đổi thiết kế").status()).isEqualTo(202);
        walk.track(dossier.code(), 7, "Đang xem xét yêu cầu rút hồ sơ");
        assertThat(api.tasks("pr.truongphong", dossier.code())).isEmpty();
        walk.step("pr.tiepnhan", dossier.code(), "Task_ConfirmWithdrawal", Map.of("stopNoticeNumber", "01/TB-DXL"));
        JsonNode stopped = walk.track(dossier.code(), 8, "Đã dừng xử lý theo yêu cầu rút hồ sơ");
        assertThat(DossierLifecycleTests.statuses(stopped)).containsExactly(1, 2, 4, 7, 8);
        assertThat(stopped.toString()).doesNotContain("Gia đình thay đổi thiết kế");
    }

    @Test
    void withdrawalIsRefusedOnceTheResultIsSigned() {
        Filed dossier = fileHousePermit();
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        walk.step("pr.truongphong", dossier.code(), "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        walk.step("pr.chuyenvien", dossier.code(), "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        walk.step("pr.truongphong", dossier.code(), "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        walk.step("pr.chutich", dossier.code(), "Task_SignResult", Map.of("reviewDecision", "agree"));
        Api.Reply refused = withdraw(dossier, "Không cần nữa");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains("đã có kết quả");
        walk.track(dossier.code(), 4, "Văn thư đang phát hành kết quả");
    }

    @Test
    void copyCertificationRunsItsOwnModelAtTheCommune() {
        Map<String, Object> request = new HashMap<>();
        request.put("procedureCode", "2.000815.H43");
        request.put("channel", "COUNTER");
        request.put("applicant", Api.houseApplicant());
        request.put("formData", Map.of("documentName", "Bằng tốt nghiệp đại học", "pages", 1, "copies", 3));
        request.put("receivedComponents", List.of("BANCHINH", "BANSAO"));
        Api.Reply filed = api.fileDossier("pr.tiepnhan", Api.multipart(request, Map.of()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        walk.step("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        walk.track(code, 4, "Đang chứng thực bản sao");
        walk.step(
                "pr.chutich",
                code,
                "Task_CertifyCopy",
                Map.of("certifyDecision", "certify", "certificationNumber", "125"));
        walk.step("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));
        walk.track(code, 10, "Đã trả kết quả");
    }

    @Test
    void aFailingEngineStepLeavesNeitherTimelineNorStatusHalfWritten() {
        Filed dossier = fileHousePermit();
        walk.step("pr.tiepnhan", dossier.code(), "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        JsonNode before = api.get("/api/tracking/" + dossier.code()).body();
        String taskId =
                api.tasks("pr.truongphong", dossier.code()).get(0).path("id").asText();
        api.claim("pr.truongphong", taskId);

        // no specialist chosen: the next task's assignee expression fails inside the same transaction
        Api.Reply failed = api.complete("pr.truongphong", taskId, Map.of("assignNote", "giao sau"));

        assertThat(failed.status()).isGreaterThanOrEqualTo(400);
        assertThat(api.get("/api/tracking/" + dossier.code()).body()).isEqualTo(before);
        assertThat(api.tasks("pr.truongphong", dossier.code()))
                .extracting(t -> t.path("id").asText())
                .containsExactly(taskId);
    }

    @Test
    void attachmentsAreStoredWithTheSha256OfTheirContent() throws Exception {
        Filed dossier = fileHousePermit();
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Api.PDF));
        assertThat(dossiers.attachments(dossier.code())).hasSize(3).allSatisfy(a -> {
            assertThat(a.sha256()).isEqualTo(expected);
            assertThat(a.sizeBytes()).isEqualTo(Api.PDF.length);
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void theDailySequenceGoesPastNineThousandNineHundredNinetyNine() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        sql.update("delete from dossier_sequence where agency_code = '000.00.12.H43' and reception_day = ?", today);
        sql.update(
                "insert into dossier_sequence (agency_code, reception_day, last_sequence) values ('000.00.12.H43', ?, 9999)",
                today);
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", "1.009991.H43");
        Map<String, byte[]> files = new HashMap<>(Api.houseFiles());
        files.put("TKCS", Api.PDF);
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request, files));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        assertThat(filed.text("code")).matches("000\\.00\\.12\\.H43-\\d{6}-10000");
    }

    private Api.Reply supplement(String code, String secret) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        parts.add("secret", secret);
        return api.post("/api/dossiers/" + code + "/supplements", null, parts);
    }

    private Api.Reply withdraw(Filed dossier, String reason) {
        return api.post(
                "/api/dossiers/" + dossier.code() + "/withdrawal",
                null,
                Map.of("secret", dossier.secret(), "reason", reason));
    }

    private long processOf(Filed dossier) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier.code())
                .count();
    }
}
