package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;

/**
 * The officials' one call in production shape (issue 17): each official of the ward, with a Keycloak bearer token,
 * completes their step of a house permit with {@code POST /api/officials/dossiers/{code}/tasks/{taskKey}/complete},
 * the groups coming from Keycloak through the identity plugin; another department's official and a citizen are refused
 * and the step stays open.
 */
@KeycloakTest
class CurrentTaskKeycloakTests {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port, user -> "Bearer " + KeycloakServer.get().token(user));
    }

    @Test
    void theWardsOfficialsWalkAHousePermitOneCallAStepWithTheirKeycloakTokens() {
        String code = api.fileHousePermitOnline().code();

        Api.Reply otherDepartment =
                complete("sxd.chuyenvien", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(otherDepartment.body().path("message").asText())
                .isEqualTo("Bước Task_CheckDossier của hồ sơ " + code + " không thuộc phòng, đơn vị của bạn.");
        assertThat(complete("congdan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"))
                        .status())
                .isEqualTo(403);
        Api.Reply early = complete("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("message").asText())
                .isEqualTo("Hồ sơ " + code + " không ở bước Task_AssignDossier.");

        for (Api.Step step : Api.HOUSE_PERMIT_WALK) {
            Api.Reply done = complete(step.official(), code, step.taskKey(), step.variables());
            assertThat(done.status()).as("%s: %s", step.taskKey(), done.body()).isEqualTo(200);
            assertThat(done.text("completedBy")).isEqualTo(step.official());
        }

        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(code)
                .finished()
                .list();
        assertThat(tasks)
                .extracting(t -> t.getTaskDefinitionKey() + " " + t.getAssignee())
                .containsExactlyInAnyOrder(
                        "Task_CheckDossier pr.tiepnhan",
                        "Task_AssignDossier pr.truongphong",
                        "Task_AppraiseDossier pr.chuyenvien",
                        "Task_ReviewDossier pr.truongphong",
                        "Task_SignResult pr.chutich",
                        "Task_IssueResult pr.vanthu",
                        "Task_ReturnResult pr.tiepnhan");
        Api.Reply tracking = api.get("/api/tracking/" + code);
        assertThat(tracking.body().path("status").asInt()).isEqualTo(10);
        assertThat(tracking.body().path("currentStep").asText()).isEqualTo("Đã trả kết quả");
    }

    private Api.Reply complete(String official, String code, String taskKey, Map<String, Object> variables) {
        return api.post("/api/officials/dossiers/" + code + "/tasks/" + taskKey + "/complete", official, variables);
    }
}
