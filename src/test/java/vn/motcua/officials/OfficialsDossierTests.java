package vn.motcua.officials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The officials' view of a filed house permit (1.009994.H43 at the Phan Rang ward): the exact applicant and form values,
 * its drawing downloaded unchanged by the handling department and refused to another one, and the head's assignment
 * offered from, and checked against, the members of the ward's specialists.
 */
@IntegrationTest
class OfficialsDossierTests {

    static final byte[] DRAWING =
            "%PDF-1.4\n% bản vẽ mặt bằng tầng 1, tỉ lệ 1:100\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    Api api;
    RestClient http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        api = new Api(port);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
        User second = identity.newUser("pr.chuyenvien2");
        second.setFirstName("Bảo");
        second.setLastName("Trần Văn");
        second.setPassword(Api.PASSWORD);
        identity.saveUser(second);
        identity.createMembership("pr.chuyenvien2", "phanrang-specialist");
    }

    @AfterEach
    void removeSecondSpecialist() {
        identity.deleteUser("pr.chuyenvien2");
    }

    @Test
    void theHandlingDepartmentsSeeTheWholeDossierAndItsFilesAndNoOtherDepartmentDoes() throws Exception {
        String code = api.fileHousePermit(DRAWING);
        JsonNode view =
                api.get("/api/officials/dossiers/" + code, "pr.tiepnhan").body();
        assertThat(view.path("code").asText()).isEqualTo(code);
        assertThat(view.path("procedureName").asText()).isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        assertThat(view.path("applicant").path("name").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(view.path("applicant").path("idNumber").asText()).isEqualTo("058090001234");
        assertThat(view.path("applicant").path("address").asText())
                .isEqualTo("12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận");
        assertThat(view.path("applicant").path("phone").asText()).isEqualTo("0912345678");
        assertThat(view.path("startForm").asText()).isEqualTo("form_house_permit_application");
        assertThat(view.path("formData"))
                .isEqualTo(json.readTree("{\"constructionAddress\":\"Thửa 125, tờ bản đồ 7, phường Phan Rang\","
                        + "\"landParcel\":\"Thửa 125, tờ 7\",\"floorArea\":180,\"floors\":3}"));
        assertThat(view.path("steps").get(0).path("stepName").asText()).isEqualTo("Kiểm tra hồ sơ");
        assertThat(view.path("steps").get(0).path("departmentName").asText()).isNotBlank();
        assertThat(view.path("slips").get(0).path("url").asText())
                .isEqualTo("/api/dossiers/" + code + "/slips/giay-tiep-nhan");

        api.completeTask(
                "pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept", "receptionNote", "Đủ"));
        api.completeTask(
                "pr.truongphong",
                code,
                "Task_AssignDossier",
                Map.of("specialist", "pr.chuyenvien", "assignNote", "Xử lý gấp"));

        JsonNode appraisal =
                api.get("/api/officials/dossiers/" + code, "pr.chuyenvien").body();
        JsonNode assigned = appraisal.path("steps").get(1);
        assertThat(assigned.path("stepKey").asText()).isEqualTo("Task_AssignDossier");
        assertThat(assigned.path("completedByName").asText()).isEqualTo("Bùi Văn Khánh");
        assertThat(assigned.path("outcome").asText()).isEqualTo("pr.chuyenvien");
        assertThat(assigned.path("note").asText()).isEqualTo("Xử lý gấp");
        JsonNode drawing = null;
        for (JsonNode file : appraisal.path("attachments")) {
            if ("BANVE".equals(file.path("componentCode").asText())) {
                drawing = file;
            }
        }
        assertThat(drawing).as("the drawing is listed").isNotNull();
        String url = drawing.path("url").asText();

        ResponseEntity<byte[]> download = download(url, "pr.chuyenvien");
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(sha256(download.getBody()))
                .isEqualTo(sha256(DRAWING))
                .isEqualTo(drawing.path("sha256").asText());

        ResponseEntity<byte[]> refused = download(url, "sxd.chuyenvien");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("message").asText())
                .isEqualTo("Chỉ cán bộ các phòng, đơn vị có bước xử lý hồ sơ " + code + " mới được xem hồ sơ này.");
        assertThat(problem.path("messageEn").asText())
                .isEqualTo("Only officials of the departments with a step on dossier " + code + " may read it.");
        assertThat(api.get("/api/officials/dossiers/" + code, "sxd.chuyenvien").status())
                .isEqualTo(403);
        assertThat(api.get("/api/officials/dossiers/" + code, "congdan").status())
                .isEqualTo(403);
        assertThat(api.get("/api/officials/dossiers/" + code).status()).isEqualTo(401);
    }

    @Test
    void theHeadChoosesAmongTheDepartmentsSpecialistsAndAnyoneElseIsRefusedWithTheTaskStillOpen() throws Exception {
        String code = api.fileHousePermit(DRAWING);
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        JsonNode task = api.tasks("pr.truongphong", code).get(0);
        String taskId = task.path("id").asText();
        assertThat(task.path("name").asText()).isEqualTo(code + " · Phân công xử lý");
        assertThat(task.path("followUp").isNull())
                .as("a 4-hour step has no follow-up already due")
                .isTrue();

        JsonNode choices = api.get(
                        "/engine-rest/task/" + taskId + "/variables/specialistChoices?deserializeValue=false",
                        "pr.truongphong")
                .body();
        assertThat(json.readTree(choices.path("value").asText()))
                .isEqualTo(json.readTree("[{\"label\":\"Đỗ Thị Mai (pr.chuyenvien)\",\"value\":\"pr.chuyenvien\"},"
                        + "{\"label\":\"Trần Văn Bảo (pr.chuyenvien2)\",\"value\":\"pr.chuyenvien2\"}]"));
        assertThat(identity.createUserQuery().memberOfGroup("phanrang-specialist").list().stream()
                        .map(User::getId)
                        .sorted()
                        .toList())
                .isEqualTo(List.of("pr.chuyenvien", "pr.chuyenvien2"));

        assertThat(api.claim("pr.truongphong", taskId)).isEqualTo(204);
        Api.Reply refused = api.complete("pr.truongphong", taskId, Map.of("specialist", "sxd.chuyenvien"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("message"))
                .contains("Người được phân công \"sxd.chuyenvien\" không phải là thành viên của");
        List<JsonNode> open = api.tasks("pr.truongphong", code);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("id").asText()).isEqualTo(taskId);
        assertThat(api.get("/api/tracking/" + code).body().path("currentStep").asText())
                .isEqualTo("Đang phân công xử lý");

        Api.Reply assigned = api.complete("pr.truongphong", taskId, Map.of("specialist", "pr.chuyenvien2"));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(204);
        assertThat(api.tasks("pr.chuyenvien2", code).get(0).path("assignee").asText())
                .isEqualTo("pr.chuyenvien2");
    }

    private ResponseEntity<byte[]> download(String path, String user) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, Api.basic(user))
                .retrieve()
                .toEntity(byte[].class);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
