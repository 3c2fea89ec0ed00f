package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Step;

/**
 * The platform's side of handoffs, on the real application: waits for other agencies are timed steps of those
 * agencies, the police's verification moves the appointment, a consulted department comes from a variable. The real
 * transport sends the requests (the other agencies' processes start and wait for their officials); the test then plays
 * those agencies' answers by correlating the messages as the inbox would, to look at the ward's side step by step.
 */
@IntegrationTest
class AgencyStepsTests {

    private static final String POLICE = "000.61.43.H43";
    private static final String SOCIAL_INSURANCE = "000.62.00.H43";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void waitsForOtherAgenciesAreTimedStepsOfThoseAgencies() {
        String code = fileBirthRegistration();
        ProcessInstance group = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult();
        assertThat(runtime.getVariable(group.getId(), "childName")).isEqualTo("Nguyễn Minh Khang");
        complete(code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        complete(
                code,
                "Task_RegisterBirth",
                Map.of("registrationDecision", "register", "birthRegistrationNumber", "125/KS-2025"));

        assertThat(sql.queryForList(
                        "select message_name from handoff_outbox where dossier_code = ?", String.class, code))
                .containsExactlyInAnyOrder("Msg_BirthResidenceRequest", "Msg_BirthInsuranceRequest");
        Step police = step(code, "Task_AwaitResidenceResult");
        assertThat(police.department()).isEqualTo("congan-specialist");
        assertThat(police.dueAt()).isAfter(police.startedAt());
        assertThat(police.completedAt()).isNull();
        assertThat(step(code, "Task_AwaitInsuranceResult").department()).isEqualTo("bhxh-specialist");
        Job timer = management
                .createJobQuery()
                .processInstanceId(group.getId())
                .activityId("Event_ResidenceOverdue")
                .singleResult();
        assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")))
                .isCloseTo(police.dueAt(), within(1, ChronoUnit.MINUTES));

        LocalDateTime appointment = dossiers.find(code).orElseThrow().dueAt();
        correlate(code, "Msg_BirthResidenceVerification", Map.of("handoffFrom", POLICE));
        assertThat(dossiers.find(code).orElseThrow().dueAt()).isAfter(appointment);

        correlate(
                code,
                "Msg_BirthResidenceResult",
                Map.of("handoffFrom", POLICE, "residenceOutcome", "approve", "residenceNumber", "058225000123"));
        Step answered = step(code, "Task_AwaitResidenceResult");
        assertThat(answered.completedAt()).isNotNull();
        assertThat(answered.completedBy()).isEqualTo(POLICE);
        assertThat(answered.outcome()).isEqualTo("approve");

        correlate(
                code,
                "Msg_BirthInsuranceResult",
                Map.of("handoffFrom", SOCIAL_INSURANCE, "insuranceOutcome", "issue", "insuranceCardNumber", "TE1"));
        assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.RETURNED);
        JsonNode policeOnTheTrackingPage = StreamSupport.stream(
                        api.get("/api/tracking/" + code).body().path("timeline").spliterator(), false)
                .filter(event -> "Chờ kết quả đăng ký thường trú"
                        .equals(event.path("text").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(policeOnTheTrackingPage.path("department").asText()).startsWith("Công an phường Phan Rang");
        assertThat(policeOnTheTrackingPage.path("timeliness").asText()).isNotBlank();
    }

    @Test
    void consultedDepartmentIsTheOneTheRequestNames() {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");

        runtime.createMessageCorrelation("Msg_ConsultationRequest")
                .processInstanceBusinessKey(code)
                .setVariables(Map.of(
                        "procedureCode", "1.009994.H43",
                        "handoffFrom", "000.20.43.H43",
                        "consultDepartment", "sxd-specialist",
                        "consultQuestion", "Công trình có phù hợp quy hoạch không?"))
                .correlateStartMessage();

        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskDefinitionKey("Task_GiveOpinion")
                        .taskCandidateGroup("sxd-specialist")
                        .count())
                .isEqualTo(1);
        assertThat(step(code, "Task_GiveOpinion").department()).isEqualTo("sxd-specialist");
    }

    private String fileBirthRegistration() {
        Map<String, Object> request = Map.of(
                "procedureCode",
                "1.001193.H43",
                "channel",
                "ONLINE",
                "applicant",
                Api.houseApplicant(),
                "formData",
                Map.of(
                        "childName", "Nguyễn Minh Khang",
                        "childBirthDate", "20/11/2025",
                        "childSex", "male",
                        "birthPlace", "Bệnh viện đa khoa tỉnh Ninh Thuận",
                        "birthCertificateNumber", "GCS-2025-001234",
                        "motherName", "Trần Thị Hoa",
                        "fatherName", "Nguyễn Văn An",
                        "residenceAddress", "12 Thống Nhất, phường Phan Rang"));
        byte[] pdf = Api.houseFiles().get("DON");
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request, Map.of("TOKHAI", pdf, "CHUNGSINH", pdf)));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }

    private void complete(String code, String taskKey, Map<String, Object> variables) {
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(taskKey)
                .singleResult()
                .getId();
        tasks.complete(task, new HashMap<>(variables));
    }

    private void correlate(String code, String message, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(code)
                .setVariables(variables)
                .correlate();
    }

    private Step step(String code, String key) {
        return dossiers.steps(code).stream()
                .filter(step -> step.stepKey().equals(key))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no step " + key + " in " + dossiers.steps(code)));
    }
}
