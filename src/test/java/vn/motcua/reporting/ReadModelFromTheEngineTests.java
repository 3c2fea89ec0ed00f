package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * A house permit walked by the officials through the real engine to its return: the durable events alone bring its
 * reporting row to the dossier's own values, and the rebuild from the tables makes the same row.
 */
@IntegrationTest
class ReadModelFromTheEngineTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEventsOfAWalkedDossierGiveTheRowTheRebuildGives() throws InterruptedException {
        Api api = new Api(port);
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        LocalDateTime newDate = LocalDateTime.now().plusDays(40).withNano(0);
        for (Api.Step step : Api.HOUSE_PERMIT_WALK) {
            JsonNode task = api.tasks(step.official(), code).get(0);
            assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(step.taskKey());
            api.claim(step.official(), task.path("id").asText());
            assertThat(api.complete(step.official(), task.path("id").asText(), step.variables())
                            .status())
                    .isEqualTo(204);
            if (step.taskKey().equals("Task_AssignDossier")) {
                Api.Reply apology = api.post(
                        "/api/dossiers/" + code + "/apology",
                        "pr.truongphong",
                        Map.of("reason", "Chờ ý kiến của Sở Xây dựng", "newAppointmentAt", newDate.toString()));
                assertThat(apology.status()).as(apology.body().toString()).isEqualTo(201);
            }
        }
        Instant until = Instant.now().plusSeconds(20);
        while (jdbc.queryForObject(
                                "select count(*) from reporting_dossier where dossier_code = ? and returned_at is not null",
                                Integer.class,
                                code)
                        == 0
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }

        Map<String, Object> dossier =
                jdbc.queryForMap("select received_at, due_at, finished_at from dossier where code = ?", code);
        Map<String, Object> fromEvents = row(code);
        assertThat(fromEvents.get("received_at")).isEqualTo(dossier.get("received_at"));
        assertThat(fromEvents.get("due_at")).isEqualTo(dossier.get("due_at"));
        assertThat(fromEvents.get("resolved_at")).isEqualTo(dossier.get("finished_at"));
        // (as a timestamp: the text of a time on the minute has no seconds, which failed the test one run in sixty)
        assertThat(fromEvents.get("extended_due_at")).isEqualTo(Timestamp.valueOf(newDate));
        assertThat(fromEvents.get("timeliness")).isEqualTo("EARLY"); // resolved today, due 15 working days on
        assertThat(fromEvents.get("sector")).isEqualTo("Hoạt động xây dựng");
        assertThat(fromEvents.get("channel")).isEqualTo("ONLINE");
        assertThat(fromEvents.get("returned_at"))
                .as("DossierReturned reached the read model")
                .isNotNull();
        assertThat(fromEvents.get("refused_at")).isNull();
        assertThat(fromEvents.get("stopped_at")).isNull();

        assertThat(api.post("/api/reports/rebuild", "admin", Map.of()).status()).isEqualTo(200);
        assertThat(row(code)).isEqualTo(fromEvents);
    }

    Map<String, Object> row(String code) {
        return jdbc.queryForMap("select * from reporting_dossier where dossier_code = ?", code);
    }
}
