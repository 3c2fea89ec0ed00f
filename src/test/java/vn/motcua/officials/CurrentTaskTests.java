package vn.motcua.officials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * "Complete this dossier's current task as me" in one call (issue 17): the house permit at the Phan Rang ward walked
 * from filing to its return by the five officials with nothing but that call, each task claimed and completed by its
 * caller as the engine's history keeps it; a refused completion leaves the task as it was, unclaimed.
 */
@IntegrationTest
class CurrentTaskTests {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void fiveOfficialsWalkAHousePermitToItsReturnOneCallAStep() {
        String code = api.fileHousePermitOnline().code();
        for (Api.Step step : Api.HOUSE_PERMIT_WALK) {
            Api.Reply done = complete(step.official(), code, step.taskKey(), step.variables());
            assertThat(done.status()).as("%s: %s", step.taskKey(), done.body()).isEqualTo(200);
            assertThat(done.text("completedBy")).isEqualTo(step.official());
            assertThat(done.text("taskKey")).isEqualTo(step.taskKey());
            assertThat(done.text("dossierCode")).isEqualTo(code);
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
    }

    @Test
    void aRefusedCompletionLeavesTheTaskUnclaimedAndTheDossierWhereItWas() {
        String code = api.fileHousePermitOnline().code();
        assertThat(complete("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"))
                        .status())
                .isEqualTo(200);

        // the head types a name that is not one of the ward's specialists
        Api.Reply refused =
                complete("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvin"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").asText())
                .contains("Người được phân công \"pr.chuyenvin\" không phải là thành viên của")
                .contains("The assignee \"pr.chuyenvin\" is not a member of phanrang-specialist");
        List<JsonNode> open = api.tasks("pr.truongphong", code);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_AssignDossier");
        assertThat(open.get(0).path("assignee").isNull()).isTrue();

        // another department's official, the leader before their step, a citizen: refused, and the step still open
        Api.Reply otherDepartment =
                complete("sxd.chuyenvien", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(otherDepartment.body().path("message").asText())
                .isEqualTo("Bước Task_AssignDossier của hồ sơ " + code + " không thuộc phòng, đơn vị của bạn.");
        Api.Reply early = complete("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("message").asText()).isEqualTo("Hồ sơ " + code + " không ở bước Task_SignResult.");
        assertThat(complete("congdan", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"))
                        .status())
                .isEqualTo(403);
        assertThat(api.tasks("pr.truongphong", code).get(0).path("assignee").isNull())
                .isTrue();

        // claimed in Tasklist by the head first: the one call completes it as theirs
        String task = open.get(0).path("id").asText();
        assertThat(api.claim("pr.truongphong", task)).isEqualTo(204);
        Api.Reply assigned =
                complete("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        assertThat(assigned.status()).as("%s", assigned.body()).isEqualTo(200);
        assertThat(assigned.text("taskId")).isEqualTo(task);
        assertThat(api.tasks("pr.chuyenvien", code)
                        .get(0)
                        .path("taskDefinitionKey")
                        .asText())
                .isEqualTo("Task_AppraiseDossier");
    }

    private Api.Reply complete(String official, String code, String taskKey, Map<String, Object> variables) {
        return api.post("/api/officials/dossiers/" + code + "/tasks/" + taskKey + "/complete", official, variables);
    }
}
