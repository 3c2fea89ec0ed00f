package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.BirthRegistrationTests.CHILD;
import static vn.motcua.procedures.BirthRegistrationTests.COMMUNE;
import static vn.motcua.procedures.DossierSteps.DOSSIER_CODE;
import static vn.motcua.procedures.DossierSteps.decide;

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

/** The police's part of the birth group, started by the commune's request as the inbox starts it. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "bpmn/residence-registration.bpmn",
            "forms/appraise-residence.form",
            "forms/verify-residence.form",
            "forms/follow-up.form"
        })
class ResidenceRegistrationTests {

    private static final String APPRAISE = "Task_AppraiseResidence";

    private final RecordedHandoffs handoffs = new RecordedHandoffs();

    @BeforeEach
    void assertOnThisEngine(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Mocks.register("handoffs", handoffs);
        Mocks.register("stepDue", new FixedStepDue());
    }

    @AfterEach
    void forgetThisEngine() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approvedResidenceIsSentBackToTheCommune() {
        ProcessInstance police = requested();
        complete(
                task(APPRAISE, police),
                withVariables("residenceOutcome", "approve", "residenceNumber", "058225000123"));

        RecordedHandoffs.Sent result = handoffs.the("Msg_BirthResidenceResult");
        assertThat(result.to()).isEqualTo(COMMUNE);
        assertThat(result.procedure()).isNull();
        assertThat(result.payload())
                .containsOnlyKeys("residenceOutcome", "residenceReason", "residenceNumber", "residenceVerified")
                .containsEntry("residenceOutcome", "approve")
                .containsEntry("residenceNumber", "058225000123");
        assertThat(police)
                .hasPassedInOrder(APPRAISE, "Task_SendResidenceResult", "Event_ResultSent")
                .isEnded();
    }

    @Test
    void refusalIsSentBackWithItsReason() {
        ProcessInstance police = requested();
        complete(
                task(APPRAISE, police),
                withVariables("residenceOutcome", "refuse", "residenceReason", "Không có chỗ ở hợp pháp"));

        assertThat(handoffs.the("Msg_BirthResidenceResult").payload())
                .containsEntry("residenceOutcome", "refuse")
                .containsEntry("residenceReason", "Không có chỗ ở hợp pháp");
        assertThat(police).isEnded();
    }

    @Test
    void verificationIsAnnouncedToTheCommuneAndTheResultSaysVerified() {
        ProcessInstance police = requested();
        complete(
                task(APPRAISE, police),
                withVariables("residenceOutcome", "verify", "residenceReason", "Xác minh chỗ ở"));

        RecordedHandoffs.Sent notice = handoffs.the("Msg_BirthResidenceVerification");
        assertThat(notice.to()).isEqualTo(COMMUNE);
        assertThat(notice.payload()).containsEntry("residenceReason", "Xác minh chỗ ở");
        assertThat(police).isWaitingAt("Task_VerifyResidence");

        complete(
                task("Task_VerifyResidence", police),
                withVariables(
                        "residenceOutcome", "approve", "residenceVerified", true, "residenceNumber", "058225000123"));

        assertThat(handoffs.the("Msg_BirthResidenceResult").payload())
                .containsEntry("residenceOutcome", "approve")
                .containsEntry("residenceVerified", true);
        assertThat(police).isEnded();
    }

    @Test
    void verificationMayEndInARefusal() {
        ProcessInstance police = requested();
        decide(police, APPRAISE, "residenceOutcome", "verify");
        complete(
                task("Task_VerifyResidence", police),
                withVariables("residenceOutcome", "refuse", "residenceVerified", true));

        assertThat(handoffs.the("Msg_BirthResidenceResult").payload()).containsEntry("residenceOutcome", "refuse");
        assertThat(police).isEnded();
    }

    @Test
    void headIsWarnedWhenTheTwoDaysRunOutAndTheResultStillGoesBack() {
        ProcessInstance police = requested();
        assertThat(job("Event_HandlingOverdue", police).getDuedate()).isEqualTo(FixedStepDue.dueFor("2d"));

        execute(job("Event_HandlingOverdue", police));

        assertThat(police).isWaitingAt(APPRAISE, "Task_WarnHead");
        complete(
                task(APPRAISE, police),
                withVariables("residenceOutcome", "approve", "residenceNumber", "058225000123"));
        assertThat(handoffs.sent()).hasSize(1);
        decide(police, "Task_WarnHead", "followUpNote", "Đề nghị hoàn thành trong ngày");
        assertThat(police).hasPassed("Event_ResultSent", "Event_HeadWarned").isEnded();
    }

    private static ProcessInstance requested() {
        Map<String, Object> variables = new HashMap<>(CHILD);
        variables.put("birthRegistrationNumber", "125/KS-2025");
        variables.put("procedureCode", "1.004194.H43");
        variables.put("handoffFrom", COMMUNE);
        runtimeService()
                .createMessageCorrelation("Msg_BirthResidenceRequest")
                .processInstanceBusinessKey(DOSSIER_CODE)
                .setVariables(variables)
                .correlateStartMessage();
        return BirthRegistrationTests.agency("residence_registration");
    }
}
