package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;

/**
 * POST /api/interagency/messages as a peer installation calls it: a signed request is taken once however often it
 * comes; a forged, tampered or unknown sender's message is refused, logged and has no effect.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HandoffInboxTests {

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
    Dossiers dossiers;

    @Autowired
    PlatformTransactionManager transactions;

    HandoffFixture fixture;
    RestClient http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        fixture = new HandoffFixture(sql, repository, runtime, dossiers, transactions);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    @AfterEach
    void removeTheTestProcedures() {
        fixture.removeTestProcedures();
    }

    @Test
    void theSameMessageTwiceIsAcknowledgedTwiceAndTakenOnce() throws Exception {
        String code = HandoffFixture.unknownCode();
        byte[] envelope = fixture.requestEnvelope(code, HandoffFixture.newMessageId());

        ResponseEntity<String> first = post(envelope, HandoffFixture.sign(envelope));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(json.readTree(first.getBody()).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(HandoffFixture.signedByUs(
                        keys,
                        first.getBody(),
                        first.getHeaders().getFirst(KeyRing.SIGNATURE_HEADER),
                        first.getHeaders().getFirst(KeyRing.KEY_ID_HEADER)))
                .isTrue();

        ResponseEntity<String> second = post(envelope, HandoffFixture.sign(envelope));
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(second.getBody()).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(HandoffFixture.signedByUs(
                        keys,
                        second.getBody(),
                        second.getHeaders().getFirst(KeyRing.SIGNATURE_HEADER),
                        second.getHeaders().getFirst(KeyRing.KEY_ID_HEADER)))
                .isTrue();

        assertThat(fixture.processes("handoff_test_responder", code)).isEqualTo(1);
        assertThat(fixture.inbox(code)).hasSize(1);
        // a dossier never seen here is kept as a mirror, so its steps and tracking work at this agency too
        Dossier mirror = dossiers.find(code).orElseThrow();
        assertThat(mirror.channel()).isEqualTo(NewDossier.Channel.LIENTHONG);
        assertThat(mirror.applicant().name()).isEqualTo("Lê Văn Cha");
        assertThat(mirror.agencyCode()).isEqualTo(HandoffFixture.COMMUNE);
        assertThat(dossiers.steps(code)).extracting(step -> step.stepKey()).containsExactly("Task_Answer");
    }

    @Test
    void concurrentDeliveriesOfOneMessageHaveOneEffect() throws Exception {
        String code = HandoffFixture.unknownCode();
        byte[] envelope = fixture.requestEnvelope(code, HandoffFixture.newMessageId());
        KeyRing.Signed signature = HandoffFixture.sign(envelope);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(() -> post(envelope, signature));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : pool.invokeAll(deliveries)) {
                assertThat(answer.get().getStatusCode().value())
                        .as(answer.get().getBody())
                        .isEqualTo(200);
                statuses.add(
                        json.readTree(answer.get().getBody()).path("status").asText());
            }
            assertThat(statuses).containsOnlyOnce("ACCEPTED").containsOnly("ACCEPTED", "DUPLICATE");
        } finally {
            pool.shutdown();
        }
        assertThat(fixture.processes("handoff_test_responder", code)).isEqualTo(1);
    }

    @Test
    void twoRequestsForADossierNeverSeenHereAtOnceShareOneMirror() throws Exception {
        String code = HandoffFixture.unknownCode();
        byte[] first = fixture.requestEnvelope(code, HandoffFixture.newMessageId());
        byte[] second = fixture.requestEnvelope(code, HandoffFixture.newMessageId());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<String>>> answers = pool.invokeAll(List.of(
                    () -> post(first, HandoffFixture.sign(first)), () -> post(second, HandoffFixture.sign(second))));
            for (Future<ResponseEntity<String>> answer : answers) {
                assertThat(answer.get().getStatusCode().value())
                        .as(answer.get().getBody())
                        .isEqualTo(200);
                assertThat(json.readTree(answer.get().getBody()).path("status").asText())
                        .isEqualTo("ACCEPTED");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fixture.processes("handoff_test_responder", code)).isEqualTo(2);
        assertThat(dossiers.find(code)).isPresent();
    }

    @Test
    void aForgedSignatureIsRefusedAndLogged(CapturedOutput output) throws Exception {
        String code = HandoffFixture.unknownCode();
        String messageId = HandoffFixture.newMessageId();
        byte[] envelope = fixture.requestEnvelope(code, messageId);
        // signed with a key of its own under the commune's key id: only the commune's private key makes that signature
        KeyRing.Signed forged = new KeyRing.Signed(
                HandoffFixture.COMMUNE_KEY_ID, Ed25519.sign(Ed25519.generate().getPrivate(), envelope));

        ResponseEntity<String> answer = post(envelope, forged);

        assertRefused(answer, 401, "Chữ ký");
        assertThat(new Api(port)
                        .get("/api/interagency/handoffs/refusals", "admin")
                        .body()
                        .toString())
                .contains(messageId);
        assertThat(post(envelope, null).getStatusCode().value()).isEqualTo(401);
        assertThat(output.getOut()).contains("Refused handoff " + messageId);
        assertNoEffect(code, messageId);
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() throws Exception {
        String code = HandoffFixture.unknownCode();
        String messageId = HandoffFixture.newMessageId();
        byte[] signed = fixture.requestEnvelope(code, messageId);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8)
                .replace("\"birthWeight\":3200", "\"birthWeight\":4200")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(post(tampered, HandoffFixture.sign(signed)), 401, "Chữ ký");
        // signed again by someone with the key but with the payload hash left stale: still refused
        assertRefused(post(tampered, HandoffFixture.sign(tampered)), 400, "payloadSha256");
        assertNoEffect(code, messageId);
    }

    @Test
    void aMessageFromAnUnknownAgencyIsRefused(CapturedOutput output) throws Exception {
        String code = HandoffFixture.unknownCode();
        String messageId = HandoffFixture.newMessageId();
        byte[] envelope = new String(fixture.requestEnvelope(code, messageId), StandardCharsets.UTF_8)
                .replace("\"senderAgency\":\"" + HandoffFixture.COMMUNE + "\"", "\"senderAgency\":\"000.00.00.X01\"")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(post(envelope, HandoffFixture.sign(envelope)), 403, "000.00.00.X01");
        assertThat(output.getOut()).contains("Refused handoff " + messageId);
        assertNoEffect(code, messageId);
    }

    @Test
    void aMessageForAnAgencyNotServedHereIsRefused() throws Exception {
        String code = HandoffFixture.unknownCode();
        String messageId = HandoffFixture.newMessageId();
        byte[] envelope = new String(fixture.requestEnvelope(code, messageId), StandardCharsets.UTF_8)
                .replace(
                        "\"receiverAgency\":\"" + HandoffFixture.CONSTRUCTION + "\"",
                        "\"receiverAgency\":\"000.00.00.X02\"")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(post(envelope, HandoffFixture.sign(envelope)), 403, "không phục vụ cơ quan nhận 000.00.00.X02");
        assertNoEffect(code, messageId);
    }

    private void assertRefused(ResponseEntity<String> answer, int status, String inMessage) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.path("message").asText() + problem.path("messageEn").asText())
                .contains(inMessage);
        assertThat(problem.path("message").asText()).isNotBlank();
        assertThat(problem.path("messageEn").asText()).isNotBlank();
        assertThat(answer.getHeaders().getFirst(KeyRing.SIGNATURE_HEADER)).isNull();
    }

    private void assertNoEffect(String code, String messageId) {
        assertThat(fixture.processes("handoff_test_responder", code)).isZero();
        assertThat(fixture.inbox(code)).isEmpty();
        assertThat(dossiers.find(code)).isEmpty();
        // the refusal itself is kept as evidence
        assertThat(sql.queryForObject(
                        "select count(*) from handoff_refusal where message_id = ?", Integer.class, messageId))
                .isPositive();
    }

    private ResponseEntity<String> post(byte[] body, KeyRing.Signed signature) {
        return http.post()
                .uri("/api/interagency/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set(KeyRing.SIGNATURE_HEADER, signature.signature());
                        headers.set(KeyRing.KEY_ID_HEADER, signature.keyId());
                    }
                })
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }
}
