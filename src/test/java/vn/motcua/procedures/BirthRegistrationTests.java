package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.motcua.procedures.DossierSteps.DOSSIER_CODE;
import static vn.motcua.procedures.DossierSteps.SUPPLEMENT_DEADLINE;
import static vn.motcua.procedures.DossierSteps.decide;
import static vn.motcua.procedures.DossierSteps.messageArrives;

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

/** The birth group (domain.md §10.1): the commune's process with the police's and social insurance's, one engine. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "bpmn/birth-registration.bpmn",
            "bpmn/residence-registration.bpmn",
            "bpmn/health-insurance-card.bpmn",
            "forms/check-dossier.form",
            "forms/register-birth.form",
            "forms/follow-up.form",
            "forms/appraise-residence.form",
            "forms/verify-residence.form",
            "forms/issue-insurance-card.form"
        })
class BirthRegistrationTests {

    static final String GROUP_PROCEDURE = "1.001193.H43";
    static final String COMMUNE = "000.20.43.H43";
    static final String POLICE = "000.61.43.H43";
    static final String SOCIAL_INSURANCE = "000.62.00.H43";

    static final String RESIDENCE_REQUEST = "Msg_BirthResidenceRequest";
    static final String RESIDENCE_RESULT = "Msg_BirthResidenceResult";
    static final String RESIDENCE_VERIFICATION = "Msg_BirthResidenceVerification";
    static final String INSURANCE_REQUEST = "Msg_BirthInsuranceRequest";
    static final String INSURANCE_RESULT = "Msg_BirthInsuranceResult";

    private static final String AWAIT_RESIDENCE = "Task_AwaitResidenceResult";
    private static final String AWAIT_INSURANCE = "Task_AwaitInsuranceResult";

    static final Map<String, Object> CHILD = Map.of(
            "childName", "Nguyễn Minh Khang",
            "childBirthDate", "20/11/2025",
            "childSex", "male",
            "residenceAddress", "12 Thống Nhất, phường Phan Rang",
            "motherName", "Trần Thị Hoa",
            "fatherName", "Nguyễn Văn An",
            "birthCertificateNumber", "GCS-2025-001234");

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
    void registeredBirthIsSentToPoliceAndSocialInsuranceWithTheChildsData() {
        ProcessInstance dossier = registered();

        assertThat(dossier).isWaitingAt(AWAIT_RESIDENCE, AWAIT_INSURANCE);
        RecordedHandoffs.Sent residence = handoffs.the(RESIDENCE_REQUEST);
        assertThat(residence.to()).isEqualTo(POLICE);
        assertThat(residence.procedure()).isEqualTo("1.004194.H43");
        assertThat(residence.from()).isEqualTo(COMMUNE);
        assertThat(residence.dossierCode()).isEqualTo(DOSSIER_CODE);
        assertThat(residence.payload())
                .containsAllEntriesOf(CHILD)
                .containsEntry("birthRegistrationNumber", "125/KS-2025");
        RecordedHandoffs.Sent insurance = handoffs.the(INSURANCE_REQUEST);
        assertThat(insurance.to()).isEqualTo(SOCIAL_INSURANCE);
        assertThat(insurance.procedure()).isEqualTo("1.001001.H43");
        assertThat(insurance.payload()).isEqualTo(residence.payload());
    }

    @Test
    void groupIsDoneWhenThePoliceAnswersFirstThenSocialInsurance() {
        ProcessInstance dossier = registered();

        policeDecides("approve");
        assertThat(dossier).isWaitingAt(AWAIT_INSURANCE).hasPassed("Event_ResidencePartDone");
        insuranceDecides("issue");

        assertThat(dossier)
                .hasPassed("Event_ResultsReady", "Event_ResultReturned")
                .isEnded();
        assertThat(dossier)
                .variables()
                .containsEntry("residenceOutcome", "approve")
                .containsEntry("residenceNumber", "058225000123")
                .containsEntry("insuranceOutcome", "issue")
                .containsEntry("insuranceCardNumber", "TE1585825000123");
    }

    @Test
    void groupIsDoneWhenSocialInsuranceAnswersFirstThenThePolice() {
        ProcessInstance dossier = registered();

        ProcessInstance insurance = insuranceDecides("issue");
        assertThat(dossier).isWaitingAt(AWAIT_RESIDENCE).hasPassed("Event_InsurancePartDone");
        ProcessInstance police = policeDecides("approve");

        assertThat(dossier).hasPassed("Event_ResultReturned").isEnded();
        assertThat(police).isEnded();
        assertThat(insurance).isEnded();
    }

    @Test
    void partRefusedByThePoliceIsDoneWithItsReason() {
        ProcessInstance dossier = registered();

        policeDecides("refuse");
        insuranceDecides("issue");

        assertThat(handoffs.the(RESIDENCE_RESULT).payload())
                .containsEntry("residenceOutcome", "refuse")
                .containsEntry("residenceReason", "Địa chỉ thường trú không có thật");
        assertThat(dossier).hasPassed("Event_ResultReturned").isEnded();
        assertThat(dossier)
                .variables()
                .containsEntry("residenceOutcome", "refuse")
                .containsEntry("residenceReason", "Địa chỉ thường trú không có thật");
    }

    @Test
    void partRefusedBySocialInsuranceIsDoneWithItsReason() {
        ProcessInstance dossier = registered();

        insuranceDecides("refuse");
        policeDecides("approve");

        assertThat(handoffs.the(INSURANCE_RESULT).payload())
                .containsEntry("insuranceOutcome", "refuse")
                .containsEntry("insuranceReason", "Trẻ đã có thẻ BHYT");
        assertThat(dossier).hasPassed("Event_ResultReturned").isEnded();
        assertThat(dossier).variables().containsEntry("insuranceOutcome", "refuse");
    }

    @Test
    void policeVerificationIsNotedByTheCommuneAndTheResultSaysVerified() {
        ProcessInstance dossier = registered();
        handoffs.deliver(RESIDENCE_REQUEST);
        ProcessInstance police = agency("residence_registration");
        decide(police, "Task_AppraiseResidence", "residenceOutcome", "verify");

        RecordedHandoffs.Sent notice = handoffs.the(RESIDENCE_VERIFICATION);
        assertThat(notice.to()).isEqualTo(COMMUNE);
        assertThat(notice.procedure()).isNull();
        handoffs.deliver(RESIDENCE_VERIFICATION);
        assertThat(dossier)
                .hasPassed("Event_ResidenceVerificationNotified", "Event_AppointmentExtended")
                .isWaitingAt(AWAIT_RESIDENCE, AWAIT_INSURANCE);

        complete(
                task("Task_VerifyResidence", police),
                withVariables(
                        "residenceOutcome", "approve", "residenceVerified", true, "residenceNumber", "058225000123"));
        handoffs.deliver(RESIDENCE_RESULT);
        insuranceDecides("issue");

        assertThat(handoffs.the(RESIDENCE_RESULT).payload()).containsEntry("residenceVerified", true);
        assertThat(dossier).hasPassed("Event_ResultReturned").isEnded();
    }

    @Test
    void policeOverdueBringsTheLeaderToChaseWhileTheCommuneStillWaits() {
        ProcessInstance dossier = registered();
        assertThat(job("Event_ResidenceOverdue", dossier).getDuedate()).isEqualTo(FixedStepDue.dueFor("2d"));

        execute(job("Event_ResidenceOverdue", dossier));

        assertThat(dossier).isWaitingAt(AWAIT_RESIDENCE, "Task_ChaseResidence", AWAIT_INSURANCE);
        decide(dossier, "Task_ChaseResidence", "followUpNote", "Đã gọi điện đề nghị Công an phường trả kết quả");
        assertThat(dossier).isWaitingAt(AWAIT_RESIDENCE, AWAIT_INSURANCE).hasPassed("Event_ResidenceChased");

        policeDecides("approve");
        insuranceDecides("issue");
        assertThat(dossier).hasPassed("Event_ResultReturned").isEnded();
    }

    @Test
    void lateResultEndsTheChaseStillOpen() {
        ProcessInstance dossier = registered();
        execute(job("Event_ResidenceOverdue", dossier));
        insuranceDecides("issue");

        policeDecides("approve");

        assertThat(dossier)
                .hasPassed("Event_ResidencePartDone", "Event_ResultReturned")
                .hasNotPassed("Event_ResidenceChased");
        assertThat(dossier).isEnded();
    }

    @Test
    void socialInsuranceOverdueBringsTheLeaderToChaseAndALateResultStillCompletes() {
        ProcessInstance dossier = registered();
        assertThat(job("Event_InsuranceOverdue", dossier).getDuedate()).isEqualTo(FixedStepDue.dueFor("2d"));

        execute(job("Event_InsuranceOverdue", dossier));
        assertThat(dossier).isWaitingAt(AWAIT_INSURANCE, "Task_ChaseInsurance", AWAIT_RESIDENCE);
        decide(dossier, "Task_ChaseInsurance", "followUpNote", "Đã đề nghị BHXH tỉnh trả kết quả");

        insuranceDecides("issue");
        policeDecides("approve");
        assertThat(dossier)
                .hasPassed("Event_InsuranceChased", "Event_ResultReturned")
                .isEnded();
    }

    @Test
    void birthRegistrationRefusedEndsWithAReasonedReplyAndSendsNothing() {
        ProcessInstance dossier = file();
        decide(dossier, "Task_CheckDossier", "receptionDecision", "accept");
        complete(
                task("Task_RegisterBirth", dossier),
                withVariables("registrationDecision", "refuse", "registrationNote", "Giấy chứng sinh không hợp lệ"));

        assertThat(dossier).hasPassed("Event_RegistrationRefused").isEnded();
        assertThat(handoffs.sent()).isEmpty();
    }

    @Test
    void dossierRefusedAtReceptionEndsAsNotAccepted() {
        ProcessInstance dossier = file();
        decide(dossier, "Task_CheckDossier", "receptionDecision", "refuse");

        assertThat(dossier)
                .hasPassed("Event_Refused")
                .hasNotPassed("Event_DossierAccepted")
                .isEnded();
    }

    @Test
    void supplementedDossierIsCheckedAgain() {
        ProcessInstance dossier = file();
        decide(dossier, "Task_CheckDossier", "receptionDecision", "supplement");

        messageArrives("Msg_SupplementReceived");

        assertThat(dossier).isWaitingAt("Task_CheckDossier").hasPassed("Event_SupplementReceived");
    }

    @Test
    void dossierNotSupplementedWithinThePeriodIsClosed() {
        ProcessInstance dossier = file();
        decide(dossier, "Task_CheckDossier", "receptionDecision", "supplement");
        DossierSteps.assertSupplementTimerRunsFullPeriod(dossier, "Event_SupplementTimeout");

        execute(job("Event_SupplementTimeout", dossier));

        assertThat(dossier).hasPassed("Event_Closed").isEnded();
    }

    static ProcessInstance file() {
        Map<String, Object> variables = new java.util.HashMap<>(CHILD);
        variables.putAll(Map.of(
                "dossierCode", DOSSIER_CODE,
                "procedureCode", GROUP_PROCEDURE,
                "procedureName",
                        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
                "supplementDeadline", SUPPLEMENT_DEADLINE));
        return runtimeService().startProcessInstanceByKey("birth_registration", DOSSIER_CODE, variables);
    }

    private ProcessInstance registered() {
        ProcessInstance dossier = file();
        decide(dossier, "Task_CheckDossier", "receptionDecision", "accept");
        complete(
                task("Task_RegisterBirth", dossier),
                withVariables("registrationDecision", "register", "birthRegistrationNumber", "125/KS-2025"));
        return dossier;
    }

    /** The police receive the request, appraise it and send the result, which the commune receives. */
    private ProcessInstance policeDecides(String outcome) {
        handoffs.deliver(RESIDENCE_REQUEST);
        ProcessInstance police = agency("residence_registration");
        complete(
                task("Task_AppraiseResidence", police),
                "approve".equals(outcome)
                        ? withVariables("residenceOutcome", outcome, "residenceNumber", "058225000123")
                        : withVariables(
                                "residenceOutcome", outcome, "residenceReason", "Địa chỉ thường trú không có thật"));
        assertThat(police).hasPassed("Task_SendResidenceResult");
        handoffs.deliver(RESIDENCE_RESULT);
        return police;
    }

    private ProcessInstance insuranceDecides(String outcome) {
        handoffs.deliver(INSURANCE_REQUEST);
        ProcessInstance insurance = agency("health_insurance_card");
        complete(
                task("Task_IssueInsuranceCard", insurance),
                "issue".equals(outcome)
                        ? withVariables("insuranceOutcome", outcome, "insuranceCardNumber", "TE1585825000123")
                        : withVariables("insuranceOutcome", outcome, "insuranceReason", "Trẻ đã có thẻ BHYT"));
        handoffs.deliver(INSURANCE_RESULT);
        return insurance;
    }

    /** The receiving agency's process for this dossier: same business key, the dossier code of the whole group. */
    static ProcessInstance agency(String processKey) {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(DOSSIER_CODE)
                .singleResult();
    }
}
