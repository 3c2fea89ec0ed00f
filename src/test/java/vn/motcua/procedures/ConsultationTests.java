package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.DossierSteps.decide;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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

/** A province-level handoff: the template's appraisal asks another agency's department for its opinion. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "bpmn/standard-procedure.bpmn",
            "bpmn/consultation.bpmn",
            "forms/check-dossier.form",
            "forms/assign-dossier.form",
            "forms/appraise-dossier.form",
            "forms/review-dossier.form",
            "forms/issue-result.form",
            "forms/return-result.form",
            "forms/confirm-withdrawal.form",
            "forms/give-opinion.form"
        })
class ConsultationTests {

    private static final String SPECIALIST = "chuyenvien.an";
    private static final String APPRAISE = "Task_AppraiseDossier";
    private static final String AWAIT_REPLY = "Task_AwaitConsultationReply";
    private static final String CONSTRUCTION_DEPARTMENT = "000.00.12.H43";

    private final RecordedHandoffs handoffs = new RecordedHandoffs();

    @BeforeEach
    void assertOnThisEngine(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Mocks.register("handoffs", handoffs);
        Mocks.register("resultSignature", (org.camunda.bpm.engine.delegate.JavaDelegate)
                execution -> execution.setVariable("signature", "signed"));
        Mocks.register("stepDue", new FixedStepDue());
    }

    @AfterEach
    void forgetThisEngine() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void answeredConsultationGoesBackToTheSpecialistWithTheOpinion() {
        ProcessInstance dossier = consulting();

        RecordedHandoffs.Sent request = handoffs.the("Msg_ConsultationRequest");
        assertThat(request.to()).isEqualTo(CONSTRUCTION_DEPARTMENT);
        assertThat(request.procedure()).isEqualTo("1.009994");
        assertThat(request.payload())
                .containsOnlyKeys("consultDepartment", "consultQuestion")
                .containsEntry("consultDepartment", "sxd-specialist");

        handoffs.deliver("Msg_ConsultationRequest");
        ProcessInstance consultation = BirthRegistrationTests.agency("consultation");
        assertThat(consultation).isWaitingAt("Task_GiveOpinion");
        complete(
                task("Task_GiveOpinion", consultation),
                withVariables(
                        "consultConclusion", "agree", "consultOpinion", "Thống nhất, công trình phù hợp quy hoạch"));
        RecordedHandoffs.Sent reply = handoffs.the("Msg_ConsultationReply");
        assertThat(reply.to()).isEqualTo("000.20.43.H43");
        assertThat(reply.payload()).containsOnlyKeys("consultConclusion", "consultOpinion");
        assertThat(consultation).isEnded();

        handoffs.deliver("Msg_ConsultationReply");

        assertThat(dossier).isWaitingAt(APPRAISE).hasPassed(AWAIT_REPLY);
        assertThat(task(APPRAISE, dossier)).isAssignedTo(SPECIALIST);
        assertThat(dossier).variables().containsEntry("consultOpinion", "Thống nhất, công trình phù hợp quy hoạch");
        decide(dossier, APPRAISE, "appraisalOutcome", "approve");
        assertThat(dossier).isWaitingAt("Task_ReviewDossier");
    }

    @Test
    void unansweredConsultationGoesBackToTheSpecialistAfterFiveWorkingDays() {
        ProcessInstance dossier = consulting();
        assertThat(job("Event_ConsultationTimeout", dossier).getDuedate()).isEqualTo(FixedStepDue.dueFor("5d"));

        execute(job("Event_ConsultationTimeout", dossier));

        assertThat(dossier).isWaitingAt(APPRAISE).hasPassed("Event_NoOpinionReceived");
        assertThat(dossier)
                .variables()
                .containsEntry("consultConclusion", "none")
                .containsEntry("consultOpinion", "Không nhận được ý kiến trong thời hạn");
        handoffs.deliver("Msg_ConsultationRequest");
        complete(task("Task_GiveOpinion", BirthRegistrationTests.agency("consultation")));
        assertThatThrownBy(() -> handoffs.deliver("Msg_ConsultationReply"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(dossier).isWaitingAt(APPRAISE);
    }

    @Test
    void ordinaryAppraisalSendsNothing() {
        ProcessInstance dossier = accepted();
        decide(dossier, APPRAISE, "appraisalOutcome", "approve");

        assertThat(dossier).isWaitingAt("Task_ReviewDossier").hasNotPassed("Task_SendConsultationRequest");
        assertThat(handoffs.sent()).isEmpty();
    }

    private static ProcessInstance accepted() {
        ProcessInstance dossier =
                DossierSteps.file("standard_procedure", "1.009994", "Cấp giấy phép xây dựng đối với nhà ở riêng lẻ");
        decide(dossier, "Task_CheckDossier", "receptionDecision", "accept");
        decide(dossier, "Task_AssignDossier", "specialist", SPECIALIST);
        return dossier;
    }

    private static ProcessInstance consulting() {
        ProcessInstance dossier = accepted();
        complete(
                task(APPRAISE, dossier),
                withVariables(
                        "appraisalOutcome", "consult",
                        "consultAgency", CONSTRUCTION_DEPARTMENT,
                        "consultDepartment", "sxd-specialist",
                        "consultQuestion", "Công trình có phù hợp quy hoạch chi tiết 1/500 không?"));
        assertThat(dossier).isWaitingAt(AWAIT_REPLY);
        return dossier;
    }
}
