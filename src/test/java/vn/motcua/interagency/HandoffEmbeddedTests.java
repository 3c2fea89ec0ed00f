package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.Api;
import vn.motcua.OwnApplication;
import vn.motcua.dossier.Dossiers;

/** The same round trip on the embedded default (H2, the key drawn at random per start): the tables and SQL fit H2. */
@OwnApplication
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:handoffs-embedded;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=true",
            "motcua.sla.warning-cron=-"
        })
@DirtiesContext
class HandoffEmbeddedTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Dossiers dossiers;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void requestAndReplyTravelOnTheEmbeddedDefault() {
        HandoffFixture fixture = new HandoffFixture(sql, repository, runtime, dossiers, transactions);
        String code = fixture.dossier();
        ProcessInstance requester = fixture.request(code, HandoffFixture.CONSTRUCTION);

        Task answer = await().atMost(HandoffFixture.patience())
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(code)
                                .taskDefinitionKey("Task_Answer")
                                .singleResult(),
                        task -> task != null);
        tasks.complete(answer.getId(), Variables.putValue("answer", "Đồng ý"));
        await().atMost(HandoffFixture.patience())
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(requester.getId())
                                .count()
                        == 0);

        Api.Reply delivered = new Api(port).get("/api/interagency/handoffs?direction=OUT&status=DELIVERED", "admin");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.body()).hasSize(2);
        Api.Reply correlated = new Api(port).get("/api/interagency/handoffs?direction=IN&dossier=" + code, "admin");
        assertThat(correlated.body()).extracting(JsonNode::toString).allMatch(row -> row.contains("CORRELATED"));
        String messageId = delivered.body().get(0).path("messageId").asText();
        JsonNode one = new Api(port)
                .get("/api/interagency/handoffs/" + messageId, "admin")
                .body();
        assertThat(one.path("outgoing").path("attemptHistory")).hasSize(1);
        assertThat(one.path("incoming").path("status").asText()).isEqualTo("CORRELATED");
    }
}
