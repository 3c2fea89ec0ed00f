package vn.motcua.procedures;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static vn.motcua.procedures.DossierSteps.assertSupplementTimerRunsFullPeriod;
import static vn.motcua.procedures.DossierSteps.decide;
import static vn.motcua.procedures.DossierSteps.messageArrives;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(
        resources = {
            "bpmn/copy-certification.bpmn",
            "forms/check-dossier.form",
            "forms/certify-copy.form",
            "forms/return-result.form"
        })
class CopyCertificationTests {

    private static final String CHECK = "Task_CheckDossier";
    private static final String CERTIFY = "Task_CertifyCopy";
    private static final String RETURN = "Task_ReturnResult";

    @BeforeEach
    void assertOnThisEngine(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void forgetThisEngine() {
        BpmnAwareTests.reset();
    }

    @Test
    void acceptedCopyIsCertifiedAndReturned() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "accept");
        decide(dossier, CERTIFY, "certifyDecision", "certify");
        decide(dossier, RETURN, "returnChannel", "counter");

        assertThat(dossier)
                .hasPassedInOrder("Event_DossierAccepted", CERTIFY, "Event_ResultReady", RETURN, "Event_ResultReturned")
                .isEnded();
    }

    @Test
    void refusedCertificationIsAReasonedResultThatIsStillReturned() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "accept");
        decide(dossier, CERTIFY, "certifyDecision", "refuse");
        decide(dossier, RETURN, "returnChannel", "counter");

        assertThat(dossier)
                .hasPassed("Event_ResultReady", "Event_ResultReturned")
                .isEnded();
    }

    @Test
    void dossierRefusedAtReceptionEndsAsNotAccepted() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "refuse");

        assertThat(dossier).hasPassed("Event_Refused").hasNotPassed(CERTIFY).isEnded();
    }

    @Test
    void supplementedDossierIsCheckedAgain() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "supplement");
        assertThat(dossier).isWaitingAt("Gateway_SupplementWait");

        messageArrives("Msg_SupplementReceived");

        assertThat(dossier).isWaitingAt(CHECK).hasPassed("Event_SupplementReceived");
        decide(dossier, CHECK, "receptionDecision", "accept");
        assertThat(dossier).isWaitingAt(CERTIFY);
    }

    @Test
    void dossierNotSupplementedWithinThePeriodIsClosed() {
        ProcessInstance dossier = file();
        decide(dossier, CHECK, "receptionDecision", "supplement");
        assertSupplementTimerRunsFullPeriod(dossier, "Event_SupplementTimeout");

        execute(job("Event_SupplementTimeout", dossier));

        assertThat(dossier).hasPassed("Event_Closed").hasNotPassed(CERTIFY).isEnded();
    }

    private static ProcessInstance file() {
        return DossierSteps.file("copy_certification", "2.000815", "Chứng thực bản sao từ bản chính");
    }
}
