package vn.motcua.procedures;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** What the citizen and the staff do to a dossier, written once for the process tests. */
final class DossierSteps {

    static final String DOSSIER_CODE = "000.00.14.H43-251201-0001";
    static final String SUPPLEMENT_PERIOD = "P21D";

    private DossierSteps() {}

    static ProcessInstance file(String processKey, String procedureCode, String procedureName) {
        return runtimeService()
                .startProcessInstanceByKey(
                        processKey,
                        DOSSIER_CODE,
                        withVariables(
                                "dossierCode", DOSSIER_CODE,
                                "procedureCode", procedureCode,
                                "procedureName", procedureName));
    }

    static void decide(ProcessInstance dossier, String taskId, String variable, String value) {
        assertThat(dossier).isWaitingAt(taskId);
        complete(task(taskId, dossier), withVariables(variable, value));
    }

    static void messageArrives(String messageName) {
        runtimeService()
                .createMessageCorrelation(messageName)
                .processInstanceBusinessKey(DOSSIER_CODE)
                .correlate();
    }

    static void assertSupplementTimerRunsFullPeriod(ProcessInstance dossier, String timerId) {
        Duration period = Duration.parse(SUPPLEMENT_PERIOD);
        Instant due = job(timerId, dossier).getDuedate().toInstant();
        Assertions.assertThat(Duration.between(Instant.now(), due))
                .as(timerId)
                .isBetween(period.minusMinutes(1), period);
    }
}
