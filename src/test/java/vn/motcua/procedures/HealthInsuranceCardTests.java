package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.BirthRegistrationTests.CHILD;
import static vn.motcua.procedures.BirthRegistrationTests.COMMUNE;
import static vn.motcua.procedures.DossierSteps.DOSSIER_CODE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Social insurance's part of the birth group, started by the commune's request as the inbox starts it. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/health-insurance-card.bpmn", "forms/issue-insurance-card.form"})
class HealthInsuranceCardTests {

    private static final String ISSUE = "Task_IssueInsuranceCard";

    private final RecordedHandoffs handoffs = new RecordedHandoffs();

    @BeforeEach
    void assertOnThisEngine(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Mocks.register("handoffs", handoffs);
    }

    @AfterEach
    void forgetThisEngine() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void issuedCardIsSentBackToTheCommune() {
        ProcessInstance insurance = requested();
        complete(
                task(ISSUE, insurance),
                withVariables("insuranceOutcome", "issue", "insuranceCardNumber", "TE1585825000123"));

        RecordedHandoffs.Sent result = handoffs.the("Msg_BirthInsuranceResult");
        assertThat(result.to()).isEqualTo(COMMUNE);
        assertThat(result.procedure()).isNull();
        assertThat(result.payload())
                .containsOnlyKeys("insuranceOutcome", "insuranceReason", "insuranceCardNumber")
                .containsEntry("insuranceCardNumber", "TE1585825000123");
        assertThat(insurance)
                .hasPassedInOrder(ISSUE, "Task_SendInsuranceResult", "Event_ResultSent")
                .isEnded();
    }

    @Test
    void refusalIsSentBackWithItsReason() {
        ProcessInstance insurance = requested();
        complete(
                task(ISSUE, insurance),
                withVariables("insuranceOutcome", "refuse", "insuranceReason", "Trẻ đã có thẻ BHYT"));

        assertThat(handoffs.the("Msg_BirthInsuranceResult").payload())
                .containsEntry("insuranceOutcome", "refuse")
                .containsEntry("insuranceReason", "Trẻ đã có thẻ BHYT");
        assertThat(insurance).isEnded();
    }

    private static ProcessInstance requested() {
        Map<String, Object> variables = new HashMap<>(CHILD);
        variables.put("procedureCode", "1.001001.H43");
        variables.put("handoffFrom", COMMUNE);
        runtimeService()
                .createMessageCorrelation("Msg_BirthInsuranceRequest")
                .processInstanceBusinessKey(DOSSIER_CODE)
                .setVariables(variables)
                .correlateStartMessage();
        return BirthRegistrationTests.agency("health_insurance_card");
    }
}
