package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import vn.motcua.Api;
import vn.motcua.nationalportal.PortalEmulator;

/**
 * The link with the national portal on two nodes of one installation (MariaDB, each node a process of its own), the
 * portal's emulator a third process: while the portal is down, dossiers are filed and handled on both nodes and one
 * node is killed; once the portal is back (and the node restarted), every record and every step arrives, once each,
 * each dossier's steps in the order they were done, and nothing is left to send.
 */
class NationalPortalOutageTests {

    static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static final PortalEmulator portal = PortalEmulator.named("outage").start();

    static final Installation a = Installation.named("portal-a", "np")
            .property("motcua.national-portal.url", portal.url().toString())
            .property("motcua.national-portal.unit", "000.00.00.H43")
            .property("motcua.national-portal.username", "motcua")
            .property("motcua.national-portal.password", "motcua-demo")
            .property("motcua.national-portal.poll", "PT0.3S")
            .property("motcua.national-portal.backoff-max", "PT1S");
    static final Installation b = Installation.nodeOf(a, "portal-b");

    @RegisterExtension
    static final TestWatcher LOGS = Installation.logsOnFailure(a, b);

    @BeforeAll
    static void start() {
        a.start();
        b.start();
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        portal.close();
    }

    @Test
    void everyRecordAndStepMadeWhileThePortalWasDownArrivesOnceInOrderAfterItCameBackThoughANodeWasKilled() {
        portal.reset();
        portal.mode(true, 0);
        List<String> codes = new ArrayList<>();
        for (Installation node : List.of(a, b, a, b)) {
            String code = file(node);
            codes.add(code);
            node.api().completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        }
        a.api()
                .completeTask(
                        "pr.truongphong", codes.get(0), "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        b.api()
                .completeTask(
                        "pr.truongphong", codes.get(1), "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        Installation.sleep(Duration.ofSeconds(2));
        assertThat(portal.stats().path("records").asInt())
                .as("nothing got through")
                .isZero();
        assertThat(portal.stats().path("unavailableAnswers").asInt())
                .as("the nodes tried")
                .isPositive();

        a.kill9();
        b.api()
                .completeTask(
                        "pr.chuyenvien", codes.get(0), "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        assertThat(pending())
                .as("rows: 4 filings, 4 records of the check, 6 steps")
                .isGreaterThanOrEqualTo(4 + 6);

        a.start();
        portal.mode(false, 0);
        await(() -> pending() == 0, "nothing left to send");

        JsonNode stats = portal.stats();
        assertThat(stats.path("records").asInt()).isEqualTo(4);
        assertThat(stats.path("progress").asInt())
                .as("4 checks, 2 assignments, 1 appraisal")
                .isEqualTo(7);
        assertThat(stats.path("duplicates").asInt()).as("each step once").isZero();
        assertThat(stats.path("refusedItems").asInt())
                .as("no step before its record")
                .isZero();
        for (String code : codes) {
            List<String> done = a
                    .query(
                            "select completed_at from dossier_step where dossier_code = ? and completed_at is not null"
                                    + " order by completed_at, id",
                            code)
                    .stream()
                    .map(row -> local(row.get("completed_at")).format(PORTAL_TIME))
                    .toList();
            List<String> arrived = new ArrayList<>();
            portal.progress(code)
                    .forEach(p -> arrived.add(p.path("ThoiDiemXuLy").asText()));
            assertThat(arrived)
                    .as("the steps of %s in the order they were done", code)
                    .containsExactlyElementsOf(done);
            int status = ((Number) a.query("select status from dossier where code = ?", code)
                            .get(0)
                            .get("status"))
                    .intValue();
            assertThat(portal.record(code)
                            .orElseThrow()
                            .path("record")
                            .path("TrangThaiHoSo")
                            .asInt())
                    .as("the record of %s as it is now", code)
                    .isEqualTo(status);
        }
        assertThat(a.query("select name from shedlock where name like 'national-portal%'"))
                .extracting(row -> row.get("name"))
                .contains("national-portal-sync");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static String file(Installation node) {
        Api.Reply filed =
                node.api().fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    static java.time.LocalDateTime local(Object value) {
        return value instanceof java.sql.Timestamp timestamp
                ? timestamp.toLocalDateTime()
                : (java.time.LocalDateTime) value;
    }

    static int pending() {
        return ((Number) b.query("select count(*) n from portal_sync where status in ('PENDING', 'PARKED')")
                        .get(0)
                        .get("n"))
                .intValue();
    }

    static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Installation.sleep(Duration.ofMillis(200));
        }
    }
}
