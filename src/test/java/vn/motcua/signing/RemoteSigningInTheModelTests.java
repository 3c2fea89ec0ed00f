package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The construction department's leader signs remotely (the CSC test service, a process of its own; the test plays his
 * phone): the model waits in Task_AwaitLeaderSignature; an approval completes the signature exactly as prepared and
 * the permit goes on to the clerk's seal; a refusal or the model's 30-minute timeout sends it back to the leader, with
 * nothing stored.
 */
@IntegrationTest
class RemoteSigningInTheModelTests {

    private static final String AWAIT = "Task_AwaitLeaderSignature";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anApprovalOnThePhoneSignsAsPreparedAndThePermitGoesOnToTheSeal() throws Exception {
        Api.Filed filed = atTheLeader();
        String code = filed.code();
        Instant before = Instant.now();
        api.completeTask("sxd.lanhdao", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        assertThat(activities(code)).containsExactly(AWAIT);
        Map<String, Object> request = onlyRequest(code);
        assertThat(request.get("state")).isEqualTo("PENDING");
        assertThat(storedRevisions(code)).isZero();

        TestCscService phone = TestSigners.remoteSigning();
        TestCscService.PhoneRequest shown = phone.request(hashOf(request));
        assertThat(shown.state()).isEqualTo("PENDING");
        Thread.sleep(1100); // the approval comes a moment later than the signing time
        assertThat(phone.approve(shown.handle())).isEqualTo(200);

        eventually(() -> activities(code).isEmpty() ? List.<String>of() : activities(code), List.of());
        assertThat(api.tasks("sxd.vanthu", code))
                .extracting(t -> t.path("taskDefinitionKey").asText())
                .containsExactly("Task_IssueResult");
        assertThat(onlyRequest(code).get("state")).isEqualTo("SIGNED");
        assertThat(storedRevisions(code)).isEqualTo(1);

        api.completeTask("sxd.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "88/GPXD-SXD"));
        Api.Reply verification = api.getWithSecret("/api/dossiers/" + code + "/result/verification", filed.secret());
        JsonNode verdict = verification.body().path("verdict");
        assertThat(verdict.path("indication").asText()).as(verdict.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(verdict.path("signatures").findValuesAsText("signerName"))
                .containsExactly("Võ Thanh Giang", "Sở Xây dựng tỉnh Ninh Thuận");
        Instant claimed = Instant.parse(
                verdict.path("signatures").get(0).path("signingTime").asText());
        Instant prepared = Instant.ofEpochMilli(((Number) request.get("signing_time_ms")).longValue());
        assertThat(claimed)
                .as("the leader's signing time is the time of prepare (whole seconds, as CMS carries it)")
                .isEqualTo(prepared.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(prepared).isBetween(before.minusSeconds(1), before.plusSeconds(60));
    }

    @Test
    void aRefusalOnThePhoneSendsThePermitBackToTheLeaderWithNothingStored() throws Exception {
        String code = atTheLeader().code();
        api.completeTask("sxd.lanhdao", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        TestCscService phone = TestSigners.remoteSigning();
        assertThat(phone.refuse(phone.request(hashOf(onlyRequest(code))).handle()))
                .isEqualTo(200);

        eventually(() -> taskKeys("sxd.lanhdao", code), List.of("Task_SignResult"));
        Map<String, Object> request = onlyRequest(code);
        assertThat(request.get("state")).isEqualTo("REFUSED");
        assertThat((String) request.get("reason"))
                .isEqualTo("Người ký đã từ chối yêu cầu ký trên điện thoại. / The signer refused the signing request on"
                        + " the phone.");
        assertThat(storedRevisions(code)).isZero();
        assertThat(runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(processOf(code))
                        .variableName("signature")
                        .singleResult()
                        .getValue())
                .isEqualTo("refused");
        // the leader's form shows why (Task_SignResult's form has a field for it, hidden when there is none)
        String taskId = api.tasks("sxd.lanhdao", code).get(0).path("id").asText();
        JsonNode form = api.get(
                        "/engine-rest/task/" + taskId + "/form-variables?variableNames=signingRefusal", "sxd.lanhdao")
                .body();
        assertThat(form.path("signingRefusal").path("value").asText())
                .isEqualTo("Người ký đã từ chối yêu cầu ký trên điện thoại. / The signer refused the signing request on"
                        + " the phone.");
    }

    @Test
    void afterThirtyMinutesWithoutApprovalTheLeaderIsAskedAgainAndALateApprovalIsNotUsed() throws Exception {
        String code = atTheLeader().code();
        api.completeTask("sxd.lanhdao", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        Job timer = management
                .createJobQuery()
                .processInstanceId(processOf(code))
                .timers()
                .activityId("Event_SignatureTimeout")
                .singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        management.executeJob(timer.getId());
        assertThat(taskKeys("sxd.lanhdao", code)).containsExactly("Task_SignResult");

        eventually(() -> String.valueOf(onlyRequest(code).get("state")), "EXPIRED");
        TestCscService phone = TestSigners.remoteSigning();
        assertThat(phone.approve(phone.request(hashOf(onlyRequest(code))).handle()))
                .as("the phone still shows it")
                .isEqualTo(200);
        Thread.sleep(1000);
        assertThat(onlyRequest(code).get("state")).isEqualTo("EXPIRED");
        assertThat(storedRevisions(code)).isZero();
    }

    /** A provincial permit (construction department) filed at the service centre, walked to the leader's step. */
    private Api.Filed atTheLeader() {
        HashMap<String, Object> request = new HashMap<>(Api.housePermitRequest("COUNTER"));
        request.put("procedureCode", "1.009991.H43");
        request.put("receivedComponents", List.of("TKCS"));
        Api.Reply filed = api.fileDossier("tiepnhan", Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        api.completeTask("tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        api.completeTask("sxd.truongphong", code, "Task_AssignDossier", Map.of("specialist", "sxd.chuyenvien"));
        api.completeTask("sxd.chuyenvien", code, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        api.completeTask("sxd.truongphong", code, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        return new Api.Filed(code, filed.text("secret"));
    }

    private String processOf(String code) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
    }

    private List<String> activities(String code) {
        return runtime.getActiveActivityIds(processOf(code)).stream()
                .filter(AWAIT::equals)
                .toList();
    }

    private List<String> taskKeys(String official, String code) {
        return api.tasks(official, code).stream()
                .map(t -> t.path("taskDefinitionKey").asText())
                .toList();
    }

    private Map<String, Object> onlyRequest(String code) {
        return jdbc.queryForMap("select * from signing_request where dossier_code = ?", code);
    }

    private int storedRevisions(String code) {
        return jdbc.queryForObject(
                "select count(*) from signed_document where dossier_code = ? and kind = 'RESULT'", Integer.class, code);
    }

    /** What the phone shows: the SHA-256 of the data to sign, base64, as the CSC API carries it. */
    private static String hashOf(Map<String, Object> request) throws Exception {
        return java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest((byte[]) request.get("data_to_sign")));
    }

    private static <T> void eventually(Supplier<T> value, T expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!expected.equals(value.get()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(value.get()).isEqualTo(expected);
    }
}
