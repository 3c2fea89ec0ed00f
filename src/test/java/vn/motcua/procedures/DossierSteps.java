package vn.motcua.procedures;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** What the citizen and the staff do to a dossier, written once for the process tests. */
final class DossierSteps {

    static final String DOSSIER_CODE = "000.00.14.H43-251201-0001";
    /**
     * The platform sets {@code supplementDeadline} (15 working days by default, in working time) when a supplement is
     * asked; the engine plugin is not in these tests, so they set it as the platform would: 2025-12-01 + 15 working
     * days is 2025-12-22 at the same time of day.
     */
    static final Date SUPPLEMENT_DEADLINE = Date.from(LocalDateTime.parse("2025-12-22T10:00")
            .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
            .toInstant());

    private DossierSteps() {}

    static ProcessInstance file(String processKey, String procedureCode, String procedureName) {
        return runtimeService()
                .startProcessInstanceByKey(
                        processKey,
                        DOSSIER_CODE,
                        withVariables(
                                "dossierCode", DOSSIER_CODE,
                                "procedureCode", procedureCode,
                                "procedureName", procedureName,
                                "supplementDeadline", SUPPLEMENT_DEADLINE));
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
        Assertions.assertThat(job(timerId, dossier).getDuedate()).as(timerId).isEqualTo(SUPPLEMENT_DEADLINE);
    }
}
