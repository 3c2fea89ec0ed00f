package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;

/**
 * The head's assignment from the department's list in Keycloak mode: the list comes from Keycloak through the identity
 * plugin (the realm's members of {@code phanrang-specialist}, names family name first), and completing with anyone
 * else is refused with 400 and the task still open.
 */
@KeycloakTest
class KeycloakAssignmentTests {

    @LocalServerPort
    int port;

    Api api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        KeycloakServer keycloak = KeycloakServer.get();
        api = new Api(port, user -> "Bearer " + keycloak.token(user));
    }

    @Test
    void theChoicesAreTheRealmsMembersOfTheDepartmentAndAnyoneElseIsRefused() throws Exception {
        String code = api.fileHousePermit(Api.PDF);
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        List<JsonNode> tasks = api.tasks("pr.truongphong", code);
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(tasks.get(0).path("name").asText()).isEqualTo(code + " · Phân công xử lý");

        JsonNode choices = api.get(
                        "/engine-rest/task/" + taskId + "/variables/specialistChoices?deserializeValue=false",
                        "pr.truongphong")
                .body();
        assertThat(json.readTree(choices.path("value").asText()))
                .isEqualTo(json.readTree("[{\"label\":\"Đỗ Thị Mai (pr.chuyenvien)\",\"value\":\"pr.chuyenvien\"}]"));

        assertThat(api.claim("pr.truongphong", taskId)).isEqualTo(204);
        Api.Reply refused = api.complete("pr.truongphong", taskId, Map.of("specialist", "sxd.chuyenvien"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("message"))
                .contains("Người được phân công \"sxd.chuyenvien\" không phải là thành viên của");
        assertThat(api.tasks("pr.truongphong", code))
                .extracting(t -> t.path("id").asText())
                .containsExactly(taskId);

        Api.Reply assigned = api.complete("pr.truongphong", taskId, Map.of("specialist", "pr.chuyenvien"));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(204);
        assertThat(api.tasks("pr.chuyenvien", code).get(0).path("assignee").asText())
                .isEqualTo("pr.chuyenvien");
    }
}
