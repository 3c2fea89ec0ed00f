package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.IntegrationTest;
import vn.motcua.ProxyPort;
import vn.motcua.dossier.Dossiers;

/**
 * A peer reached over HTTP (the test-only agency behind a proxy, application-it.yaml) that fails for a while: the
 * sender retries with growing waits and the message is taken exactly once.
 */
@IntegrationTest
class HandoffHttpTests {

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

    @Test
    void aPeerAnswering500IsRetriedWithBackoffAndTakesTheMessageOnce() throws Exception {
        HandoffFixture fixture = new HandoffFixture(sql, repository, runtime, dossiers, transactions);
        try (FaultProxy peer = new FaultProxy(ProxyPort.PORT, "http://127.0.0.1:" + port, 3)) {
            String code = fixture.dossier();
            fixture.request(code, HandoffFixture.BEHIND_PROXY);
            String messageId = (String) fixture.outbox(code).get(0).get("message_id");

            await().atMost(HandoffFixture.patience())
                    .until(() -> fixture.outboxRow(messageId).get("status").equals("DELIVERED"));

            Map<String, Object> sent = fixture.outboxRow(messageId);
            assertThat(sent.get("attempts")).isEqualTo(4);
            assertThat(sent.get("ack_status")).isEqualTo("ACCEPTED");
            assertThat(HandoffFixture.signedByUs(
                            keys, (String) sent.get("ack_body"), (String) sent.get("ack_signature"), (String)
                                    sent.get("ack_key_id")))
                    .isTrue();
            List<Map<String, Object>> attempts = fixture.attempts(messageId);
            assertThat(attempts)
                    .extracting(a -> a.get("outcome"))
                    .containsExactly("RETRY", "RETRY", "RETRY", "DELIVERED");
            assertThat(attempts).extracting(a -> a.get("http_status")).containsExactly(500, 500, 500, 200);
            assertThat(attempts.get(0).get("error").toString())
                    .contains("HTTP 500")
                    .contains("simulated failure");
            // each wait twice the one before (0.2 s, 0.4 s, 0.8 s in the test settings)
            assertThat(List.of(wait(attempts.get(0)), wait(attempts.get(1)), wait(attempts.get(2))))
                    .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));

            await().atMost(HandoffFixture.patience())
                    .until(() -> fixture.processes("handoff_test_responder", code) == 1);
            assertThat(peer.requests.get()).isEqualTo(4);
            assertThat(peer.forwarded.get()).isEqualTo(1);
            assertThat(fixture.inbox(code)).singleElement().satisfies(row -> {
                assertThat(row.get("message_id")).isEqualTo(messageId);
                assertThat(row.get("status")).isEqualTo("CORRELATED");
                assertThat(row.get("receiver_agency")).isEqualTo(HandoffFixture.BEHIND_PROXY);
            });
        } finally {
            fixture.removeTestProcedures();
        }
    }

    private static Duration wait(Map<String, Object> attempt) {
        return Duration.between(time(attempt.get("attempted_at")), time(attempt.get("next_attempt_at")));
    }

    private static LocalDateTime time(Object column) {
        return column instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) column;
    }
}
