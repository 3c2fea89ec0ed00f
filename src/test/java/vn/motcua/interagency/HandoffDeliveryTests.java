package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.Dossiers;

/**
 * Handoffs between two agencies served by this installation: the request starts the other agency's process, the reply
 * reaches the waiting one, each hop is stored with its evidence; what cannot be delivered is visible and retried.
 */
@IntegrationTest
class HandoffDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    KeyRing keys;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    Dossiers dossiers;

    @Autowired
    PlatformTransactionManager transactions;

    HandoffFixture fixture;
    Api api;

    @BeforeEach
    void deployTheTestModels() {
        fixture = new HandoffFixture(sql, repository, runtime, dossiers, transactions);
        api = new Api(port);
    }

    @AfterEach
    void removeTheTestProcedures() {
        fixture.removeTestProcedures();
    }

    @Test
    void requestStartsTheOtherAgencysProcessAndItsReplyReachesTheRequester() {
        String code = fixture.dossier();
        ProcessInstance requester = fixture.request(code, HandoffFixture.CONSTRUCTION);

        Task answer = await().atMost(HandoffFixture.patience())
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(code)
                                .taskDefinitionKey("Task_Answer")
                                .singleResult(),
                        task -> task != null);
        Map<String, Object> received = runtime.getVariables(answer.getProcessInstanceId());
        assertThat(received)
                .containsEntry("handoffFrom", HandoffFixture.COMMUNE)
                .containsEntry("procedureCode", HandoffFixture.RESPONDER_PROCEDURE)
                .containsEntry("childName", HandoffFixture.CHILD)
                .containsEntry("birthWeight", 3200);
        assertThat(tasks.getIdentityLinksForTask(answer.getId()))
                .anyMatch(link -> "sxd-specialist".equals(link.getGroupId()));

        tasks.complete(answer.getId(), Variables.putValue("answer", "Đã xác nhận nơi cư trú"));

        await().atMost(HandoffFixture.patience())
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(requester.getId())
                                .count()
                        == 0);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(requester.getId())
                        .activityId("Event_Replied")
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(requester.getId())
                        .variableName("answer")
                        .singleResult()
                        .getValue())
                .isEqualTo("Đã xác nhận nơi cư trú");

        List<Map<String, Object>> sent = fixture.outbox(code);
        assertThat(sent)
                .extracting(row -> row.get("message_name"))
                .containsExactly(HandoffFixture.REQUEST, HandoffFixture.REPLY);
        for (Map<String, Object> row : sent) {
            assertThat(row.get("status")).isEqualTo("DELIVERED");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("ack_status")).isEqualTo("ACCEPTED");
            assertThat(row.get("acknowledged_at")).isNotNull();
            // the evidence holds: our signature over the envelope, the receiver's over its acknowledgement
            assertThat(HandoffFixture.signedByUs(
                            keys, (String) row.get("envelope"), (String) row.get("signature"), (String)
                                    row.get("key_id")))
                    .isTrue();
            assertThat(HandoffFixture.signedByUs(
                            keys, (String) row.get("ack_body"), (String) row.get("ack_signature"), (String)
                                    row.get("ack_key_id")))
                    .isTrue();
            assertThat((String) row.get("ack_body")).contains((String) row.get("message_id"));
        }
        assertThat(sent.get(0).get("sender_agency")).isEqualTo(HandoffFixture.COMMUNE);
        assertThat(sent.get(1).get("sender_agency")).isEqualTo(HandoffFixture.CONSTRUCTION);
        assertThat(sent.get(1).get("receiver_agency")).isEqualTo(HandoffFixture.COMMUNE);

        List<Map<String, Object>> taken = fixture.inbox(code);
        assertThat(taken).extracting(row -> row.get("status")).containsExactly("CORRELATED", "CORRELATED");
        assertThat(taken.get(0).get("process_instance_id")).isEqualTo(answer.getProcessInstanceId());
        assertThat(taken.get(1).get("process_instance_id")).isEqualTo(requester.getId());
        assertThat(taken.get(0).get("message_id")).isEqualTo(sent.get(0).get("message_id"));
    }

    @Test
    void aReplyNobodyAskedForFailsVisiblyAndOnlyAReplyAfterTheQuestionIsTaken() {
        String code = fixture.dossier();
        String early = notify(code, "Kết quả gửi sớm");

        await().atMost(HandoffFixture.patience())
                .until(() -> fixture.outboxRow(early).get("status").equals("FAILED"));
        assertThat((String) fixture.outboxRow(early).get("last_error"))
                .contains("HTTP 403")
                .contains("an unsolicited reply is refused");
        JsonNode failed = find(api.get("/api/interagency/handoffs?direction=OUT&status=FAILED", "admin"), early);
        assertThat(failed.path("receiverAgency").asText()).isEqualTo(HandoffFixture.CONSTRUCTION);
        assertThat(fixture.inbox(code)).isEmpty();
        assertThat(api.get("/api/interagency/handoffs", "pr.tiepnhan").status()).isEqualTo(403);
        assertThat(api.get("/api/interagency/handoffs", "pr.tiepnhan").text("message"))
                .contains("camunda-admin");

        // the construction department asks the commune (whose responder does not take requests from it: refused) and
        // waits for its answer
        ProcessInstance asking = runtime.startProcessInstanceByKey(
                "handoff_test_requester",
                code,
                Variables.putValue("procedureCode", HandoffFixture.RESPONDER_PROCEDURE)
                        .putValue("partner", HandoffFixture.COMMUNE)
                        .putValue("partnerProcedure", HandoffFixture.RESPONDER_PROCEDURE)
                        .putValue("childName", HandoffFixture.CHILD));
        String question = (String) fixture.outbox(code).stream()
                .filter(row -> HandoffFixture.REQUEST.equals(row.get("message_name")))
                .findFirst()
                .orElseThrow()
                .get("message_id");
        await().atMost(HandoffFixture.patience())
                .until(() -> fixture.outboxRow(question).get("status").equals("FAILED"));
        assertThat((String) fixture.outboxRow(question).get("last_error"))
                .contains("HTTP 403")
                .contains("No process here declares that it takes the request " + HandoffFixture.REQUEST + " from "
                        + HandoffFixture.CONSTRUCTION);

        // a reply sent now is taken, by the asking department's process only
        String reply = notify(code, "Đã trả lời");
        await().atMost(HandoffFixture.patience())
                .until(() -> fixture.outboxRow(reply).get("status").equals("DELIVERED"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(asking.getId())
                        .count())
                .isZero();
        JsonNode one = api.get("/api/interagency/handoffs/" + reply, "admin").body();
        assertThat(one.path("incoming").path("status").asText()).isEqualTo("CORRELATED");
        assertThat(one.path("incoming").path("processInstanceId").asText()).isEqualTo(asking.getId());

        // the early reply, sent again by an operator, has no effect: dated within clock-skew of the question it is not
        // "out of order", and the asking process has already taken its answer, so nobody waits for it (parked)
        assertThat(api.post("/api/interagency/handoffs/" + early + "/retry", "admin", Map.of())
                        .status())
                .isEqualTo(202);
        await().atMost(HandoffFixture.patience())
                .until(() -> ((Number) fixture.outboxRow(early).get("attempts")).intValue() == 2);
        assertThat(fixture.outboxRow(early).get("status")).isEqualTo("FAILED");
        assertThat((String) fixture.outboxRow(early).get("last_error")).contains("HTTP 422");
    }

    /** The commune's notifier sends the construction department a reply with this answer. */
    private String notify(String code, String answer) {
        ProcessInstance notifier = runtime.startProcessInstanceByKey(
                "handoff_test_notifier",
                code,
                Variables.putValue("procedureCode", HandoffFixture.REQUESTER_PROCEDURE)
                        .putValue("partner", HandoffFixture.CONSTRUCTION)
                        .putValue("answer", answer));
        return (String) sql.queryForObject(
                "select message_id from handoff_outbox where process_instance_id = ?", String.class, notifier.getId());
    }

    @Test
    void theOutboxRowIsPartOfTheEngineStepSoAFailingNextStepLeavesNone() {
        String code = fixture.dossier();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                        "handoff_test_failing",
                        code,
                        Variables.putValue("procedureCode", HandoffFixture.REQUESTER_PROCEDURE)))
                .hasMessageContaining("noSuchBean");
        assertThat(fixture.outbox(code)).isEmpty();
        assertThat(fixture.processes("handoff_test_failing", code)).isZero();
    }

    @Test
    void aHandoffToAnUnknownAgencyFailsTheStepWithAClearMessageAndStoresNothing() {
        String code = fixture.dossier();
        assertThatThrownBy(() -> fixture.request(code, "000.00.99.X99"))
                .hasMessageContaining("000.00.99.X99")
                .hasMessageContaining("neither served here");
        assertThat(fixture.outbox(code)).isEmpty();
        assertThat(fixture.processes("handoff_test_requester", code)).isZero();
    }

    private static JsonNode find(Api.Reply list, String messageId) {
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        for (JsonNode handoff : list.body()) {
            if (messageId.equals(handoff.path("messageId").asText())) {
                return handoff;
            }
        }
        throw new AssertionError("handoff " + messageId + " is not listed: " + list.body());
    }
}
