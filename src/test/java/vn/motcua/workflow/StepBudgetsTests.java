package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class StepBudgetsTests {

    @Test
    void countsTheOrdinaryWayOfTheStandardModelButNotTheWithdrawal() throws Exception {
        Map<String, Long> budgets =
                StepBudgets.ofOrdinaryWay(model("bpmn/standard-procedure.bpmn"), task -> Optional.empty());

        assertThat(budgets)
                .containsOnlyKeys(
                        "Task_CheckDossier",
                        "Task_AssignDossier",
                        "Task_AppraiseDossier",
                        "Task_ReviewDossier",
                        "Task_SignResult",
                        "Task_IssueResult",
                        "Task_ReturnResult");
        assertThat(budgets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo((6 * 4 + 3 * 8) * 60L);
    }

    @Test
    void catalogueBudgetsOverTheModelsAddUpToTheHousePermitsFifteenWorkingDays() throws Exception {
        Map<String, String> housePermit =
                Map.of("Task_AppraiseDossier", "10d", "Task_ReviewDossier", "2d", "Task_SignResult", "1d");

        Map<String, Long> budgets = StepBudgets.ofOrdinaryWay(
                model("bpmn/standard-procedure.bpmn"), task -> Optional.ofNullable(housePermit.get(task)));

        assertThat(budgets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(15 * 8 * 60L);
    }

    private static BpmnModelInstance model(String resource) throws Exception {
        try (InputStream bpmn = StepBudgetsTests.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(bpmn);
        }
    }
}
