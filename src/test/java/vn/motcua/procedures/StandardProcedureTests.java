package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static vn.motcua.procedures.DossierSteps.assertSupplementTimerRunsFullPeriod;
import static vn.motcua.procedures.DossierSteps.decide;
import static vn.motcua.procedures.DossierSteps.messageArrives;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "bpmn/standard-procedure.bpmn",
            "forms/check-dossier.form",
            "forms/assign-dossier.form",
            "forms/appraise-dossier.form",
            "forms/review-dossier.form",
            "forms/issue-result.form",
            "forms/return-result.form",
            "forms/confirm-withdrawal.form"
        })
class StandardProcedureTests {

    private static final String SPECIALIST = "chuyenvien.an";

    private static final String CHECK = "Task_CheckDossier";
    private static final String ASSIGN = "Task_AssignDossier";
    private static final String APPRAISE = "Task_AppraiseDossier";
    private static final String REVIEW = "Task_ReviewDossier";
    private static final String SIGN = "Task_SignResult";
    private static final String ISSUE = "Task_IssueResult";
    private static final String RETURN = "Task_ReturnResult";

    /** The signing steps the model ran, by their signature property, in order. */
    private final List<String> signatures = new ArrayList<>();

    @BeforeEach
    void assertOnThisEngine(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Mocks.register("resultSignature", (JavaDelegate) execution -> {
            signatures.add(execution.getBpmnModelElementInstance().getId());
            execution.setVariable("signature", "signed");
        });
    }

    @AfterEach
    void forgetThisEngine() {
        BpmnAwareTests.reset();
        Mocks.reset();
    }

    @Test
    void acceptedDossierIsAppraisedSignedIssuedAndReturned() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        appraiseAndSign(dossier, "approve");
        issueAndReturn(dossier);

        assertThat(dossier)
                .hasPassedInOrder(
                        "Event_DossierAccepted",
                        ASSIGN,
                        APPRAISE,
                        REVIEW,
                        SIGN,
                        "Task_SignResultDocument",
                        "Event_ResultSigned",
                        ISSUE,
                        "Task_SealResultDocument")
                .hasPassedInOrder("Event_ResultReady", RETURN, "Event_ResultReturned")
                .variables()
                .containsEntry("resultNumber", "125/GPXD");
        assertThat(dossier).isEnded();
        org.assertj.core.api.Assertions.assertThat(signatures)
                .as("the leader signs once, the clerk seals once")
                .containsExactly("Task_SignResultDocument", "Task_SealResultDocument");
    }

    @Test
    void rejectedDossierGetsAReasonedReplyThatIsIssuedAndReturned() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        appraiseAndSign(dossier, "reject");
        issueAndReturn(dossier);

        assertThat(dossier).hasPassed(SIGN, ISSUE, "Event_ResultReturned").isEnded();
        assertThat(dossier).variables().containsEntry("appraisalOutcome", "reject");
    }

    @Test
    void dossierRefusedAtReceptionEndsAsNotAccepted() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "refuse");

        assertThat(dossier)
                .hasPassed("Event_ReceptionRefused", "Event_RefusedAtReception", "Event_Refused")
                .hasNotPassed("Event_DossierAccepted")
                .isEnded();
    }

    @Test
    void dossierSupplementedAtReceptionIsCheckedAgain() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "supplement");
        assertThat(dossier).isWaitingAt("Gateway_ReceptionSupplementWait");

        messageArrives("Msg_SupplementReceived");

        assertThat(dossier).isWaitingAt(CHECK).hasPassed("Event_ReceptionSupplementReceived");
        decide(dossier, CHECK, "receptionDecision", "accept");
        assertThat(dossier).isWaitingAt(ASSIGN);
    }

    @Test
    void dossierNotSupplementedAtReceptionWithinThePeriodIsClosed() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "supplement");
        assertSupplementTimerRunsFullPeriod(dossier, "Event_ReceptionSupplementTimeout");

        execute(job("Event_ReceptionSupplementTimeout", dossier));

        assertThat(dossier)
                .hasPassed("Event_ReceptionSupplementExpired", "Event_SupplementTimedOut", "Event_Closed")
                .hasNotPassed("Event_DossierAccepted")
                .isEnded();
    }

    @Test
    void dossierSupplementedDuringAppraisalGoesBackToTheSpecialist() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        decide(dossier, APPRAISE, "appraisalOutcome", "supplement");
        assertThat(dossier).isWaitingAt("Gateway_AppraisalSupplementWait");

        messageArrives("Msg_SupplementReceived");

        assertThat(dossier).isWaitingAt(APPRAISE);
        assertThat(task(APPRAISE, dossier)).isAssignedTo(SPECIALIST);
    }

    @Test
    void dossierNotSupplementedDuringAppraisalWithinThePeriodIsClosed() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        decide(dossier, APPRAISE, "appraisalOutcome", "supplement");
        assertSupplementTimerRunsFullPeriod(dossier, "Event_AppraisalSupplementTimeout");

        execute(job("Event_AppraisalSupplementTimeout", dossier));

        assertThat(dossier)
                .hasPassed("Event_AppraisalSupplementExpired", "Event_SupplementTimedOut", "Event_Closed")
                .hasNotPassed(REVIEW)
                .isEnded();
    }

    @Test
    void headReturnsTheDraftToTheSpecialist() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        decide(dossier, APPRAISE, "appraisalOutcome", "approve");
        decide(dossier, REVIEW, "reviewDecision", "return");

        assertThat(dossier).isWaitingAt(APPRAISE).hasNotPassed(SIGN);
        appraiseAndSign(dossier, "approve");
        assertThat(dossier).isWaitingAt(ISSUE);
    }

    @Test
    void leaderReturnsTheDraftToTheSpecialist() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        decide(dossier, APPRAISE, "appraisalOutcome", "approve");
        decide(dossier, REVIEW, "reviewDecision", "agree");
        decide(dossier, SIGN, "reviewDecision", "return");

        assertThat(dossier).isWaitingAt(APPRAISE).hasNotPassed("Event_ResultSigned");
        appraiseAndSign(dossier, "approve");
        assertThat(dossier).isWaitingAt(ISSUE);
    }

    @Test
    void citizenMayWithdrawDuringAppraisal() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        assertThat(dossier).isWaitingAt(APPRAISE);

        withdrawalRequested();

        assertThat(dossier).isWaitingAt("Task_ConfirmWithdrawal");
        decide(dossier, "Task_ConfirmWithdrawal", "stopNoticeNumber", "01/TB-TTPVHCC");
        assertThat(dossier)
                .hasPassed("Event_WithdrawalRequested", "Event_Withdrawn")
                .isEnded();
    }

    @Test
    void withdrawalIsImpossibleOnceTheResultIsSigned() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);
        appraiseAndSign(dossier, "approve");
        assertThat(dossier).isWaitingAt(ISSUE);

        assertThatThrownBy(StandardProcedureTests::withdrawalRequested)
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(dossier).isWaitingAt(ISSUE);
    }

    @Test
    void appraisalIsAssignedToTheSpecialistChosenAtAssignment() {
        ProcessInstance dossier = file();
        acceptAndAssign(dossier);

        assertThat(dossier).isWaitingAt(APPRAISE);
        assertThat(task(APPRAISE, dossier)).isAssignedTo(SPECIALIST);
    }

    private static ProcessInstance file() {
        return DossierSteps.file("standard_procedure", "1.009994", "Cấp giấy phép xây dựng đối với nhà ở riêng lẻ");
    }

    private static void acceptAndAssign(ProcessInstance dossier) {
        decide(dossier, CHECK, "receptionDecision", "accept");
        decide(dossier, ASSIGN, "specialist", SPECIALIST);
    }

    private static void appraiseAndSign(ProcessInstance dossier, String appraisalOutcome) {
        decide(dossier, APPRAISE, "appraisalOutcome", appraisalOutcome);
        decide(dossier, REVIEW, "reviewDecision", "agree");
        decide(dossier, SIGN, "reviewDecision", "agree");
    }

    private static void issueAndReturn(ProcessInstance dossier) {
        decide(dossier, ISSUE, "resultNumber", "125/GPXD");
        decide(dossier, RETURN, "returnChannel", "counter");
    }

    private static void withdrawalRequested() {
        messageArrives("Msg_WithdrawalRequested");
    }
}
