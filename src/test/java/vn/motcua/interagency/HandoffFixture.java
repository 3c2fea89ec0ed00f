package vn.motcua.interagency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;

/** Test-only models and catalogue entries, dossiers to hand off, and envelopes signed as a peer would sign them. */
class HandoffFixture {

    /** The commune's test key pair and id (application-it.yaml): tests sign envelopes as the commune. */
    static final String COMMUNE_KEY_ID = "it-commune-1";

    static final java.security.PrivateKey COMMUNE_KEY =
            Ed25519.privateKey("MC4CAQAwBQYDK2VwBCIEIJ9Kj0QzFNvvsj2t2lJEaOXsgNZ8zlNTSJqHnIb8U9kC");
    static final String COMMUNE = "000.20.43.H43";
    static final String CONSTRUCTION = "000.00.12.H43";
    /** Served here, but reached over HTTP through the test's proxy (application-it.yaml). */
    static final String BEHIND_PROXY = "000.99.01.H43";

    static final String REQUESTER_PROCEDURE = "9.990001.H43";
    static final String RESPONDER_PROCEDURE = "9.990002.H43";
    static final String REQUEST = "Msg_TestHandoffRequest";
    static final String REPLY = "Msg_TestHandoffReply";
    static final String CHILD = "Nguyễn Thị Bé Na";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcTemplate sql;
    private final RuntimeService runtime;
    private final Dossiers dossiers;
    private final TransactionTemplate transaction;
    private final ObjectMapper json = new ObjectMapper();

    HandoffFixture(
            JdbcTemplate sql,
            RepositoryService repository,
            RuntimeService runtime,
            Dossiers dossiers,
            PlatformTransactionManager transactions) {
        this.sql = sql;
        this.runtime = runtime;
        this.dossiers = dossiers;
        this.transaction = new TransactionTemplate(transactions);
        repository
                .createDeployment()
                .name("handoff-tests")
                .enableDuplicateFiltering(true)
                .addClasspathResource("interagency/handoff-test-requester.bpmn")
                .addClasspathResource("interagency/handoff-test-responder.bpmn")
                .addClasspathResource("interagency/handoff-test-senders.bpmn")
                .deploy();
        procedure(
                REQUESTER_PROCEDURE, "Thủ tục thử: bên gửi liên thông", COMMUNE, "handoff_test_requester", "phanrang");
        procedure(
                RESPONDER_PROCEDURE, "Thủ tục thử: bên nhận liên thông", CONSTRUCTION, "handoff_test_responder", "sxd");
    }

    private void procedure(String code, String name, String agency, String processKey, String unit) {
        // portable (MariaDB and H2): the database outlives one test class, the fixture runs for each
        sql.update("""
                insert into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off,
                       fee, online_level, process_key, start_form, reception_unit, handling_unit, effective_from,
                       source_note)
                select ?, ?, 'Thử nghiệm', ?, 3, 'WORKING_DAYS', null, 'không', 'FULL', ?, 'none', ?, ?,
                       date '2025-01-01', 'chỉ dùng trong kiểm thử'
                  from agency
                 where code = ? and not exists (select 1 from catalog_procedure where code = ?)
                """, code, name, agency, processKey, unit, unit, agency, code);
    }

    /** Takes the test procedures out of the catalogue again, so that tests reading the whole catalogue never see them. */
    void removeTestProcedures() {
        sql.update("delete from catalog_procedure where code in (?, ?)", REQUESTER_PROCEDURE, RESPONDER_PROCEDURE);
    }

    /** A dossier of the commune, stored as reception stores one. */
    String dossier() {
        LocalDateTime now = LocalDateTime.now();
        return transaction.execute(tx -> dossiers.register(new NewDossier(
                        REQUESTER_PROCEDURE,
                        1,
                        COMMUNE,
                        NewDossier.Channel.ONLINE,
                        new Applicant(
                                Applicant.Kind.PERSON,
                                "Trần Thị Mẹ",
                                "058190001234",
                                "5 Lê Lợi, phường Phan Rang",
                                null,
                                null),
                        "congdan",
                        "Đăng ký khai sinh (thử liên thông)",
                        "{}",
                        now,
                        now.plusDays(3),
                        List.of()))
                .code());
    }

    /** A code no dossier here has (as another installation would give it). */
    static String unknownCode() {
        return "H43.99-" + System.currentTimeMillis() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    ProcessInstance request(String code, String partner) {
        return runtime.startProcessInstanceByKey(
                "handoff_test_requester",
                code,
                Variables.putValue("procedureCode", REQUESTER_PROCEDURE)
                        .putValue("partner", partner)
                        .putValue("partnerProcedure", RESPONDER_PROCEDURE)
                        .putValue("childName", CHILD)
                        .putValue("birthWeight", 3200));
    }

    /** A request envelope from the commune to the construction department, with a dossier block, as JSON bytes. */
    byte[] requestEnvelope(String code, String messageId) {
        ObjectNode payload = json.createObjectNode().put("childName", CHILD).put("birthWeight", 3200);
        ObjectNode envelope = json.createObjectNode()
                .put("messageId", messageId)
                .put("messageName", REQUEST)
                .put("dossierCode", code)
                .put("senderAgency", COMMUNE)
                .put("receiverAgency", CONSTRUCTION)
                .put("procedure", RESPONDER_PROCEDURE)
                .put("sentAt", Instant.now().toString());
        envelope.set("payload", payload);
        envelope.put("payloadSha256", Ed25519.sha256(bytes(payload)));
        envelope.set(
                "dossier",
                json.createObjectNode()
                        .put("procedureCode", REQUESTER_PROCEDURE)
                        .put("agencyCode", COMMUNE)
                        .put("applicantName", "Lê Văn Cha")
                        .put("applicantIdNumber", "058090004321")
                        .put("applicantAddress", "7 Thống Nhất, phường Phan Rang")
                        .put("summary", "Đăng ký khai sinh liên thông")
                        .put("receivedAt", "2026-11-20T09:00:00+07:00")
                        .put("dueAt", "2026-11-25T09:00:00+07:00"));
        return bytes(envelope);
    }

    static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    /** Signed as the commune signs. */
    static KeyRing.Signed sign(byte[] body) {
        return new KeyRing.Signed(COMMUNE_KEY_ID, Ed25519.sign(COMMUNE_KEY, body));
    }

    /**
     * Whether an envelope or acknowledgement is signed by the agency it names (senderAgency, or receiver of an
     * acknowledgement) with that agency's key here, checked with public keys only.
     */
    static boolean signedByUs(KeyRing keys, String body, String signature, String keyId) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new ObjectMapper().readTree(body);
            String agency = node.has("senderAgency")
                    ? node.path("senderAgency").asText()
                    : node.path("receiver").asText();
            return keys.verify(agency, body.getBytes(StandardCharsets.UTF_8), keyId, signature, Instant.now())
                    == KeyRing.Verdict.GOOD;
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    List<Map<String, Object>> outbox(String code) {
        return sql.queryForList("select * from handoff_outbox where dossier_code = ? order by created_at", code);
    }

    List<Map<String, Object>> inbox(String code) {
        return sql.queryForList("select * from handoff_inbox where dossier_code = ? order by received_at", code);
    }

    Map<String, Object> outboxRow(String messageId) {
        return sql.queryForMap("select * from handoff_outbox where message_id = ?", messageId);
    }

    List<Map<String, Object>> attempts(String messageId) {
        return sql.queryForList("select * from handoff_attempt where message_id = ? order by id", messageId);
    }

    long processes(String processKey, String code) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(code)
                .count();
    }

    static Duration patience() {
        return Duration.ofSeconds(30);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
