package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.installations.Exchanges.handoffs;
import static vn.motcua.installations.Exchanges.patiently;
import static vn.motcua.installations.Exchanges.patientlyGet;
import static vn.motcua.installations.Exchanges.signedBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.Api;

/**
 * Liên thông between two installations (two processes, two schemas): the commune (A, 000.20.43.H43) sends a request to
 * the police (B, 000.61.43.H43) over HTTP, and faults on the way: the sender killed with {@code kill -9} between the
 * commit of the send step and the sending, the receiver down for a while, the same signed message delivered twice.
 * Each time the effect at the receiver is exactly one: one process instance, one inbox row, CORRELATED; the sender
 * keeps the receiver's signed acknowledgement. The models are the transport's test pair (requester, responder).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoffFaultTests {

    static final String COMMUNE = "000.20.43.H43";
    static final String POLICE = "000.61.43.H43";
    static final String REQUESTER_PROCEDURE = "9.990001.H43";
    static final String RESPONDER_PROCEDURE = "9.990002.H43";
    static final String ADMIN = "admin";

    static final Installation a = Installation.named("commune-a", "a");
    static final Installation b = Installation.named("police-b", "b");

    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher LOGS = Installation.logsOnFailure(a, b);

    @BeforeAll
    static void start() {
        Installation.pair(a, COMMUNE, b, POLICE);
        for (Installation installation : List.of(a, b)) {
            installation
                    .models(Installation.testResources("interagency/handoff-test-*.bpmn"))
                    .property("motcua.interagency.poll", "PT0.5S")
                    .property("motcua.interagency.backoff-initial", "PT1S")
                    .property("motcua.interagency.backoff-max", "PT4S")
                    .property("motcua.interagency.timeout", "PT5S");
        }
        // the first test kills the sender between commit and send: it starts with sending paused
        a.property("motcua.interagency.delivery-enabled", "false");
        Installation.startAll(a, b);
        for (Installation installation : List.of(a, b)) {
            catalogue(installation);
        }
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    @Order(1)
    void senderKilledBetweenCommitAndSendDeliversOnceAfterRestart() {
        String code = fileDossier();
        String messageId = request(code);

        JsonNode committed = outgoing(messageId);
        assertThat(committed.path("status").asText()).isEqualTo("PENDING");
        assertThat(committed.path("attempts").asInt()).isZero();

        a.kill9();
        // the engine step and its outbox row were committed together; nothing was sent
        assertThat(a.query("select status, attempts from handoff_outbox where message_id = ?", messageId))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("PENDING");
                    assertThat(((Number) row.get("attempts")).intValue()).isZero();
                });
        assertThat(a.query(
                        "select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PROC_DEF_ID_ like ?",
                        code,
                        "handoff_test_requester:%"))
                .hasSize(1);
        assertThat(b.query("select message_id from handoff_inbox where dossier_code = ?", code))
                .isEmpty();

        a.property("motcua.interagency.delivery-enabled", null);
        a.start();

        assertDeliveredOnce(code, messageId);
    }

    @Test
    @Order(2)
    void receiverDownForAWhileThenBackDeliversOnce() {
        String code = fileDossier();
        b.stop();
        String messageId = request(code);

        AtomicInteger attempts = new AtomicInteger();
        patiently().untilAsserted(() -> {
            JsonNode waiting = outgoing(messageId);
            assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
            assertThat(waiting.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(waiting.path("lastError").asText()).isNotBlank();
            attempts.set(waiting.path("attempts").asInt());
        });
        patiently().untilAsserted(() -> {
            JsonNode waiting = outgoing(messageId);
            assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
            assertThat(waiting.path("attempts").asInt()).isGreaterThanOrEqualTo(attempts.get() + 2);
        });

        b.start();

        assertDeliveredOnce(code, messageId);
        List<JsonNode> history = new ArrayList<>();
        outgoing(messageId).path("attemptHistory").forEach(history::add);
        assertThat(history).hasSizeGreaterThanOrEqualTo(4);
        assertThat(history.subList(0, history.size() - 1))
                .allSatisfy(
                        attempt -> assertThat(attempt.path("outcome").asText()).isNotEqualToIgnoringCase("DELIVERED"));
    }

    @Test
    @Order(3)
    void theSameSignedMessageTwiceAcrossProcessesHasOneEffect() throws Exception {
        String code = fileDossier();
        String messageId = request(code);
        assertDeliveredOnce(code, messageId);

        Map<String, Object> sent = a.query(
                        "select envelope, signature, key_id from handoff_outbox where message_id = ?", messageId)
                .get(0);
        HttpResponse<String> again = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(b.baseUrl() + "/api/interagency/messages"))
                                .header("Content-Type", "application/json")
                                .header("X-Motcua-Signature", (String) sent.get("signature"))
                                .header("X-Motcua-Key-Id", (String) sent.get("key_id"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        ((String) sent.get("envelope")).getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"DUPLICATE\"").contains(messageId);
        assertThat(signedBy(
                        b,
                        POLICE,
                        again.body(),
                        again.headers().firstValue("X-Motcua-Signature").orElse(null),
                        again.headers().firstValue("X-Motcua-Key-Id").orElse(null)))
                .isTrue();
        assertDeliveredOnce(code, messageId);
    }

    @Test
    @Order(4)
    void theReceivingAgencyAnswersAndTheReplyComesBackOverHttp() {
        String code = fileDossier();
        String request = request(code);
        assertDeliveredOnce(code, request);
        // the police keep a mirror of the commune's dossier: its own tracking page works
        assertThat(b.api().get("/api/tracking/" + code).status()).isEqualTo(200);

        JsonNode task = patientlyGet(() -> b.api().tasks("ca.canbo", code), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(b.api().claim("ca.canbo", task.path("id").asText())).isEqualTo(204);
        assertThat(b.api()
                        .complete("ca.canbo", task.path("id").asText(), Map.of("answer", "Đã đăng ký thường trú"))
                        .status())
                .isEqualTo(204);

        patiently().untilAsserted(() -> {
            List<JsonNode> replies = handoffs(b, "OUT", code);
            assertThat(replies).singleElement().satisfies(reply -> {
                assertThat(reply.path("messageName").asText()).isEqualTo("Msg_TestHandoffReply");
                assertThat(reply.path("receiverAgency").asText()).isEqualTo(COMMUNE);
                assertThat(reply.path("status").asText()).isEqualTo("DELIVERED");
                assertThat(signedBy(
                                a,
                                COMMUNE,
                                reply.path("ackBody").asText(),
                                reply.path("ackSignature").asText(),
                                reply.path("ackKeyId").asText()))
                        .isTrue();
            });
            List<JsonNode> received = handoffs(a, "IN", code);
            assertThat(received)
                    .singleElement()
                    .satisfies(
                            reply -> assertThat(reply.path("status").asText()).isEqualTo("CORRELATED"));
            Api.Reply finished = a.api()
                    .get(
                            "/engine-rest/history/process-instance?processDefinitionKey=handoff_test_requester"
                                    + "&processInstanceBusinessKey=" + code,
                            ADMIN);
            assertThat(finished.body())
                    .singleElement()
                    .satisfies(instance ->
                            assertThat(instance.path("state").asText()).isEqualTo("COMPLETED"));
        });
        Api.Reply answer = a.api()
                .get(
                        "/engine-rest/history/variable-instance?variableName=answer&processInstanceId="
                                + handoffs(a, "IN", code)
                                        .get(0)
                                        .path("processInstanceId")
                                        .asText(),
                        ADMIN);
        assertThat(answer.body().get(0).path("value").asText()).isEqualTo("Đã đăng ký thường trú");
    }

    @Test
    @Order(5)
    void thePoliceSigningAsTheCommuneAreRefusedAndRecorded() throws Exception {
        String code = fileDossier();
        String messageId = java.util.UUID.randomUUID().toString();
        String payload = "{\"answer\":\"giả mạo\"}";
        String envelope = "{\"messageId\":\"" + messageId + "\",\"messageName\":\"Msg_TestHandoffReply\","
                + "\"dossierCode\":\"" + code + "\",\"senderAgency\":\"" + COMMUNE + "\",\"receiverAgency\":\""
                + COMMUNE + "\",\"sentAt\":\"" + java.time.Instant.now() + "\",\"payload\":" + payload
                + ",\"payloadSha256\":\"" + sha256(payload) + "\"}";
        // B holds its own private key and A's public key only: whichever key id it names, A's key check fails
        String forged = Exchanges.sign(b.keyOf(POLICE).pair().getPrivate(), envelope);
        for (String keyId : List.of(a.keyOf(COMMUNE).id(), b.keyOf(POLICE).id())) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(a.baseUrl() + "/api/interagency/messages"))
                                    .header("Content-Type", "application/json")
                                    .header("X-Motcua-Signature", forged)
                                    .header("X-Motcua-Key-Id", keyId)
                                    .POST(HttpRequest.BodyPublishers.ofString(envelope))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("\"messageEn\"").contains("Chữ ký");
        }
        Api.Reply refusals = a.api().get("/api/interagency/handoffs/refusals", ADMIN);
        List<JsonNode> mine = new ArrayList<>();
        refusals.body().forEach(row -> {
            if (messageId.equals(row.path("messageId").asText())) mine.add(row);
        });
        assertThat(mine).hasSize(2).allSatisfy(row -> {
            assertThat(row.path("httpStatus").asInt()).isEqualTo(401);
            assertThat(row.path("senderAgency").asText()).isEqualTo(COMMUNE);
        });
        assertThat(a.query("select message_id from handoff_inbox where message_id = ?", messageId))
                .isEmpty();
    }

    @Test
    @Order(6)
    void aRotatedKeyKeepsOldMessagesVerifiableWithPublicKeysAlone() {
        Map<String, Object> before = b.query(
                        "select envelope, signature, key_id from handoff_inbox where sender_agency = ?"
                                + " order by received_at limit 1",
                        COMMUNE)
                .get(0);
        Installation.AgencyKey old = a.keyOf(COMMUNE);
        Installation.AgencyKey fresh =
                a.rotateKey(COMMUNE, java.time.Instant.now().plus(Duration.ofDays(30)));
        b.peer(COMMUNE, a);
        a.stop();
        b.stop();
        Installation.startAll(a, b);

        String code = fileDossier();
        String messageId = request(code);
        assertDeliveredOnce(code, messageId);
        assertThat(b.query("select key_id from handoff_inbox where message_id = ?", messageId))
                .singleElement()
                .satisfies(row -> assertThat(row.get("key_id")).isEqualTo(fresh.id()));

        // a message received before the rotation: its exact bytes, checked with the old public key alone
        assertThat(before.get("key_id")).isEqualTo(old.id());
        assertThat(Exchanges.verifies(
                        old.pair().getPublic(), (String) before.get("envelope"), (String) before.get("signature")))
                .isTrue();
        assertThat(Exchanges.verifies(
                        fresh.pair().getPublic(), (String) before.get("envelope"), (String) before.get("signature")))
                .isFalse();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- the exchange ----------------------------------------------------------------------------------------------

    /** A dossier filed online at the commune (installation A) through its HTTP API. */
    private static String fileDossier() {
        Api.Reply filed =
                a.api().fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    /** Starts the requester on A for the dossier (engine REST); its send step commits one outbox row. */
    private static String request(String code) {
        Api.Reply started = a.api()
                .post(
                        "/engine-rest/process-definition/key/handoff_test_requester/start",
                        ADMIN,
                        Map.of(
                                "businessKey",
                                code,
                                "variables",
                                Map.of(
                                        "procedureCode", Map.of("value", REQUESTER_PROCEDURE),
                                        "partner", Map.of("value", POLICE),
                                        "partnerProcedure", Map.of("value", RESPONDER_PROCEDURE),
                                        "childName", Map.of("value", "Nguyễn Thị Bé Na"),
                                        "birthWeight", Map.of("value", 3200, "type", "Integer"))));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
        List<JsonNode> out = handoffs(a, "OUT", code);
        assertThat(out).singleElement().satisfies(row -> {
            assertThat(row.path("messageName").asText()).isEqualTo("Msg_TestHandoffRequest");
            assertThat(row.path("senderAgency").asText()).isEqualTo(COMMUNE);
            assertThat(row.path("receiverAgency").asText()).isEqualTo(POLICE);
        });
        return out.get(0).path("messageId").asText();
    }

    /**
     * A's outbox row DELIVERED with B's signed acknowledgement; at B one inbox row CORRELATED and one process instance
     * of the responder for the dossier, the one the inbox names.
     */
    private static void assertDeliveredOnce(String code, String messageId) {
        patiently().untilAsserted(() -> {
            JsonNode sent = outgoing(messageId);
            assertThat(sent.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(sent.path("ackStatus").asText()).isIn("ACCEPTED", "DUPLICATE");
            assertThat(sent.path("acknowledgedAt").isNull()).isFalse();
            assertThat(signedBy(
                            b,
                            POLICE,
                            sent.path("ackBody").asText(),
                            sent.path("ackSignature").asText(),
                            sent.path("ackKeyId").asText()))
                    .isTrue();
        });
        patiently().untilAsserted(() -> {
            List<JsonNode> received = handoffs(b, "IN", code);
            assertThat(received).singleElement().satisfies(row -> {
                assertThat(row.path("messageId").asText()).isEqualTo(messageId);
                assertThat(row.path("status").asText()).isEqualTo("CORRELATED");
            });
            Api.Reply instances = b.api()
                    .get(
                            "/engine-rest/process-instance?processDefinitionKey=handoff_test_responder&businessKey="
                                    + code,
                            ADMIN);
            assertThat(instances.status()).isEqualTo(200);
            assertThat(instances.body()).hasSize(1);
            assertThat(instances.body().get(0).path("id").asText())
                    .isEqualTo(received.get(0).path("processInstanceId").asText());
        });
        assertThat(b.query("select count(*) n from handoff_inbox where message_id = ?", messageId))
                .singleElement()
                .satisfies(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
    }

    private static JsonNode outgoing(String messageId) {
        Api.Reply one = a.api().get("/api/interagency/handoffs/" + messageId, ADMIN);
        assertThat(one.status()).as("%s", one.body()).isEqualTo(200);
        return one.body().path("outgoing");
    }

    /** Test-only procedures of the two test models, and the police agency if the demo catalogue lacks it. */
    private static void catalogue(Installation installation) {
        installation.update("""
                insert ignore into agency (code, name, level_name, parent_code, note)
                values (?, 'Công an phường Phan Rang', 'COMMUNE', '000.00.00.H43', 'mã giả định')
                """, POLICE);
        procedure(
                installation,
                REQUESTER_PROCEDURE,
                "Thủ tục thử: bên gửi liên thông",
                COMMUNE,
                "handoff_test_requester",
                "phanrang");
        procedure(
                installation,
                RESPONDER_PROCEDURE,
                "Thủ tục thử: bên nhận liên thông",
                POLICE,
                "handoff_test_responder",
                "congan");
    }

    private static void procedure(
            Installation installation, String code, String name, String agency, String processKey, String unit) {
        installation.update("""
                insert ignore into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off,
                       fee, online_level, process_key, start_form, reception_unit, handling_unit, effective_from,
                       source_note)
                values (?, ?, 'Thử nghiệm', ?, 3, 'WORKING_DAYS', null, 'không', 'FULL', ?, 'none', ?, ?,
                       '2025-01-01', 'chỉ dùng trong kiểm thử')
                """, code, name, agency, processKey, unit, unit);
    }
}
