package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.Dossiers;

/**
 * Liên thông inside one installation (the demo's shape: the ward, its police and social insurance, the Department of
 * Construction all served by one application), with the real transport: every handoff goes through the outbox, the
 * delivery worker and the signed inbox, and the officials of each agency work in Tasklist's REST API.
 */
@IntegrationTest
class LienThongOneInstallationTests {

    @LocalServerPort
    int port;

    @Autowired
    Dossiers dossiers;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void thePoliceVerifyTheResidenceTheAppointmentMovesToFiveWorkingDaysAndTheGroupCompletes() {
        String code = fileBirthRegistration();
        work("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        LocalDateTime threeDays = dossiers.find(code).orElseThrow().dueAt();
        work(
                "pr.chuyenvien",
                code,
                "Task_RegisterBirth",
                Map.of("registrationDecision", "register", "birthRegistrationNumber", "126/2026"));

        // the requests started the police's and social insurance's own processes on the same dossier code
        work("ca.canbo", code, "Task_AppraiseResidence", Map.of("residenceOutcome", "verify"));
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() ->
                        assertThat(dossiers.find(code).orElseThrow().dueAt()).isAfter(threeDays));
        work(
                "ca.canbo",
                code,
                "Task_VerifyResidence",
                Map.of("residenceOutcome", "approve", "residenceVerified", true, "residenceNumber", "TT-2026-000777"));
        work(
                "bhxh.canbo",
                code,
                "Task_IssueInsuranceCard",
                Map.of("insuranceOutcome", "issue", "insuranceCardNumber", "TE1"));

        JsonNode done = patientlyGet(
                () -> api.get("/api/tracking/" + code).body(),
                tracking -> tracking.path("status").asInt() == 10);
        List<String> steps = new ArrayList<>();
        done.path("timeline").forEach(event -> {
            if ("STEP".equalsIgnoreCase(event.path("kind").asText())) {
                steps.add(event.path("text").asText());
            }
        });
        // one code, one timeline: the ward's steps, its waits for the other agencies and their own steps
        assertThat(steps)
                .contains(
                        "Đăng ký khai sinh",
                        "Chờ kết quả đăng ký thường trú",
                        "Thẩm định, đăng ký thường trú",
                        "Xác minh thông tin cư trú",
                        "Chờ kết quả cấp thẻ BHYT",
                        "Cấp thẻ BHYT");

        // five handoffs (two requests, the verification notice, two results), each sent and received once
        List<JsonNode> sent = handoffs("OUT", code);
        assertThat(sent)
                .extracting(h -> h.path("messageName").asText())
                .containsExactlyInAnyOrder(
                        "Msg_BirthResidenceRequest",
                        "Msg_BirthInsuranceRequest",
                        "Msg_BirthResidenceVerification",
                        "Msg_BirthResidenceResult",
                        "Msg_BirthInsuranceResult");
        assertThat(sent).allSatisfy(h -> assertThat(h.path("status").asText()).isEqualTo("DELIVERED"));
        assertThat(handoffs("IN", code))
                .hasSize(5)
                .allSatisfy(h -> assertThat(h.path("status").asText()).isEqualTo("CORRELATED"));
    }

    @Test
    void theWardAsksTheDepartmentOfConstructionForAnOpinionAndGetsItBackInAppraisal() {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String code = filed.text("code");
        work("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        work("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        work(
                "pr.chuyenvien",
                code,
                "Task_AppraiseDossier",
                Map.of(
                        "appraisalOutcome", "consult",
                        "consultAgency", "000.00.12.H43",
                        "consultDepartment", "sxd-specialist",
                        "consultQuestion", "Công trình có phù hợp quy hoạch chi tiết 1/500 không?"));

        // the ward's officials do not see the Department's task, and the Department answers
        assertThat(api.tasks("pr.chuyenvien", code)).isEmpty();
        work(
                "sxd.chuyenvien",
                code,
                "Task_GiveOpinion",
                Map.of("consultConclusion", "agree", "consultOpinion", "Phù hợp quy hoạch, mật độ xây dựng 70%."));

        JsonNode appraisal = patientlyGet(() -> api.tasks("pr.chuyenvien", code), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(appraisal.path("taskDefinitionKey").asText()).isEqualTo("Task_AppraiseDossier");
        Api.Reply opinion = api.get(
                "/engine-rest/task/" + appraisal.path("id").asText() + "/variables/consultOpinion", "pr.chuyenvien");
        assertThat(opinion.body().path("value").asText()).isEqualTo("Phù hợp quy hoạch, mật độ xây dựng 70%.");
        assertThat(handoffs("OUT", code))
                .extracting(h ->
                        h.path("messageName").asText() + " " + h.path("status").asText())
                .containsExactlyInAnyOrder("Msg_ConsultationRequest DELIVERED", "Msg_ConsultationReply DELIVERED");
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
                        "childName", "Phạm Gia Hân",
                        "childBirthDate", "21/11/2026",
                        "childSex", "female",
                        "birthPlace", "Bệnh viện Đa khoa tỉnh Ninh Thuận",
                        "birthCertificateNumber", "CS-2026-004777",
                        "motherName", "Đặng Thị Thuý",
                        "residenceAddress", "45 Ngô Gia Tự, phường Phan Rang, tỉnh Ninh Thuận"));
        Api.Reply filed =
                api.fileDossier("congdan", Api.multipart(request, Map.of("TOKHAI", Api.PDF, "CHUNGSINH", Api.PDF)));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    /** The official's department sees the step once it has arrived (deliveries are asynchronous); claim, complete. */
    private void work(String official, String code, String taskKey, Map<String, Object> decision) {
        JsonNode task = patientlyGet(
                        () -> api.tasks(official, code),
                        tasks -> tasks.stream()
                                .anyMatch(t ->
                                        t.path("taskDefinitionKey").asText().equals(taskKey)))
                .stream()
                .filter(t -> t.path("taskDefinitionKey").asText().equals(taskKey))
                .findFirst()
                .orElseThrow();
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            assertThat(api.claim(official, task.path("id").asText())).isEqualTo(204);
        }
        Api.Reply completed = api.complete(official, task.path("id").asText(), decision);
        assertThat(completed.status()).as("%s", completed.body()).isEqualTo(204);
    }

    private List<JsonNode> handoffs(String direction, String code) {
        Api.Reply list = api.get("/api/interagency/handoffs?direction=" + direction + "&dossier=" + code, "admin");
        assertThat(list.status()).as("%s", list.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        list.body().forEach(rows::add);
        return rows;
    }

    private static <T> T patientlyGet(java.util.function.Supplier<T> value, java.util.function.Predicate<T> ready) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> {
                    T current = value.get();
                    found.set(current);
                    return ready.test(current);
                });
        return found.get();
    }
}
