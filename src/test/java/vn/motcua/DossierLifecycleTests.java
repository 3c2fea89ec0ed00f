package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dossier filed over HTTP is walked through every step of the shared template by the officials of the departments the
 * catalogue routes it to, through the engine REST API as Tasklist does, and tracked by its code at each step.
 */
@IntegrationTest
class DossierLifecycleTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void housePermitIsAcceptedAppraisedSignedIssuedAndReturnedWithItsTimeline() {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        assertThat(code).matches("000\\.20\\.43\\.H43-\\d{6}-\\d{4,}");
        assertThat(filed.text("trackingUrl")).endsWith("/api/tracking/" + code);
        assertThat(filed.text("appointmentAt")).isNotBlank();

        JsonNode tracking = track(code, 1, "Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        assertThat(tracking.path("applicant").asText()).isEqualTo("N. V. A.");
        assertThat(tracking.toString()).doesNotContain("Nguyễn Văn An").doesNotContain("058090001234");
        assertThat(tracking.path("procedureName").asText())
                .isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");

        step("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        track(code, 4, "Đang phân công xử lý");
        step("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        track(code, 4, "Đang thẩm định hồ sơ");
        step("pr.chuyenvien", code, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        track(code, 4, "Lãnh đạo phòng đang xem xét");
        step("pr.truongphong", code, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        track(code, 4, "Lãnh đạo cơ quan đang ký duyệt");
        step("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        track(code, 4, "Văn thư đang phát hành kết quả");
        step("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "15/GPXD"));
        track(code, 9, "Đã có kết quả, chờ trả");
        step("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));

        JsonNode done = track(code, 10, "Đã trả kết quả");
        assertThat(statuses(done)).containsExactly(1, 2, 4, 9, 10);
        List<JsonNode> steps = steps(done);
        assertThat(steps)
                .extracting(s -> s.path("text").asText())
                .containsExactly(
                        "Kiểm tra hồ sơ",
                        "Phân công xử lý",
                        "Thẩm định hồ sơ",
                        "Xem xét, trình ký kết quả",
                        "Ký duyệt kết quả",
                        "Vào số, phát hành kết quả",
                        "Trả kết quả");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.path("completedAt").asText()).isNotBlank();
            assertThat(s.path("dueAt").asText()).isNotBlank();
        });
        assertThat(steps.get(0).path("department").asText()).isEqualTo("UBND phường Phan Rang – Bộ phận Một cửa");
        assertThat(done.path("finishedAt").asText()).isNotBlank();
    }

    @Test
    void anotherDepartmentsOfficialNeitherSeesNorClaimsNorCompletesTheTask() {
        String code = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()))
                .text("code");
        assertThat(api.tasks("sxd.chuyenvien", code)).isEmpty();
        assertThat(api.tasks("tiepnhan", code)).isEmpty();
        String taskId = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();
        assertThat(api.claim("sxd.chuyenvien", taskId)).isEqualTo(403);
        assertThat(api.complete("tiepnhan", taskId, Map.of("receptionDecision", "accept"))
                        .status())
                .isEqualTo(403);
        track(code, 1, "Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
    }

    @Test
    void provincialPermitGoesToTheServiceCentreAndTheDepartmentOfConstruction() {
        java.util.HashMap<String, Object> request = new java.util.HashMap<>(Api.housePermitRequest("COUNTER"));
        request.put("procedureCode", "1.009991.H43");
        request.put("receivedComponents", List.of("TKCS"));
        Api.Reply filed = api.fileDossier("tiepnhan", Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        assertThat(code).startsWith("000.00.12.H43-");
        assertThat(api.tasks("pr.tiepnhan", code)).isEmpty();
        step("tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        assertThat(api.tasks("pr.truongphong", code)).isEmpty();
        step("sxd.truongphong", code, "Task_AssignDossier", Map.of("specialist", "sxd.chuyenvien"));
        JsonNode appraisal = api.tasks("sxd.chuyenvien", code).get(0);
        assertThat(appraisal.path("assignee").asText()).isEqualTo("sxd.chuyenvien");
    }

    void step(String official, String code, String taskKey, Map<String, Object> variables) {
        List<JsonNode> tasks = api.tasks(official, code);
        assertThat(tasks)
                .as("%s sees the task %s of %s", official, taskKey, code)
                .hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(taskKey);
        assertThat(task.path("due").asText()).as("due date of %s", taskKey).isNotBlank();
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            assertThat(api.claim(official, task.path("id").asText())).isEqualTo(204);
        }
        Api.Reply completed = api.complete(official, task.path("id").asText(), variables);
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(204);
    }

    JsonNode track(String code, int status, String currentStep) {
        Api.Reply reply = api.get("/api/tracking/" + code);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("currentStep").asText()).isEqualTo(currentStep);
        return reply.body();
    }

    static List<Integer> statuses(JsonNode tracking) {
        List<Integer> statuses = new ArrayList<>();
        tracking.path("timeline").forEach(e -> {
            if ("STATUS".equals(e.path("kind").asText())) {
                statuses.add(e.path("status").asInt());
            }
        });
        return statuses;
    }

    static List<JsonNode> steps(JsonNode tracking) {
        List<JsonNode> steps = new ArrayList<>();
        tracking.path("timeline").forEach(e -> {
            if ("STEP".equals(e.path("kind").asText())) {
                steps.add(e);
            }
        });
        return steps;
    }
}
