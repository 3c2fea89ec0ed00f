package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import vn.motcua.Api;

/**
 * Two whole applications (processes) on one MariaDB database, as two nodes of a cluster: the deadline-warning scan
 * runs every second on both and still warns each step once; a publication whose completion was lost is run again by
 * one node and its effect happens once; an event whose listener had not finished when its node was killed with
 * {@code kill -9} is delivered after the restart, once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableEventsAcrossNodesTests {

    static final Installation a = Installation.named("events-a", "ev")
            // every new step is at once within its warning time, and the scan runs every second on both nodes
            .property("motcua.sla.warn-before", "60d")
            .property("motcua.sla.warning-cron", "* * * * * *")
            .property("motcua.sla.warning-lock-at-least-for", "PT0.9S")
            .property("motcua.events.check-every", "PT1S")
            .property("motcua.events.lock-at-least-for", "PT0.9S")
            .property("motcua.events.resubmit-older-than", "PT6S");
    static final Installation b = Installation.nodeOf(a, "events-b");

    @RegisterExtension
    static final TestWatcher LOGS = Installation.logsOnFailure(a, b);

    static final List<String> codes = new ArrayList<>();

    @BeforeAll
    static void start() {
        a.start(); // creates the schema; the second node then finds it
        b.start();
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    @Order(1)
    void onTwoNodesEachStepIsWarnedOnceWithOneEventPerListenerAndOneNotice() {
        for (Installation node : List.of(a, b, a, b)) {
            codes.add(file(node));
        }
        await(() -> warnedSteps() == 4 && notices("DEADLINE_APPROACHING") == 4, "four warnings");
        Installation.sleep(Duration.ofSeconds(5)); // five more ticks on each node

        assertThat(warnedSteps()).isEqualTo(4);
        assertThat(notices("DEADLINE_APPROACHING")).isEqualTo(4);
        assertThat(a.query("select count(*) n from ACT_RU_VARIABLE where NAME_ = 'deadlineWarning'"))
                .singleElement()
                .satisfies(row -> assertThat(((Number) row.get("n")).intValue())
                        .as("tasks flagged in Tasklist")
                        .isEqualTo(4));
        // one publication per event and listener (the Tasklist flag and the notice): 4 events, not more
        assertThat(a.query("""
                        select listener_id, count(*) n from EVENT_PUBLICATION
                         where event_type = 'vn.motcua.sla.DeadlineApproaching' group by listener_id
                        """))
                .hasSize(2)
                .allSatisfy(
                        row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(4));
        assertThat(a.query("select name from shedlock order by name"))
                .extracting(row -> row.get("name"))
                .contains("deadline-warnings", "event-publications");
    }

    @Test
    @Order(2)
    void aPublicationWhoseCompletionWasLostIsRunAgainByOneNodeAndItsEffectHappensOnce() {
        String code = codes.get(0);
        assertThat(notices(code, "DOSSIER_FILED")).isEqualTo(1);
        // as if the node had died between the notice's commit and the completion record
        int reopened = a.update("""
                update EVENT_PUBLICATION
                   set completion_date = null, publication_date = publication_date - interval 1 minute
                 where event_type = 'vn.motcua.dossier.DossierFiled' and serialized_event like ?
                   and listener_id like 'vn.motcua.notification.%'
                """, "%\"" + code + "\"%");
        assertThat(reopened).isEqualTo(1);

        await(() -> incomplete(code, "vn.motcua.dossier.DossierFiled") == 0, "the publication resubmitted");
        Installation.sleep(Duration.ofSeconds(3));
        assertThat(notices(code, "DOSSIER_FILED")).isEqualTo(1);
        assertThat(a.logTail(4000) + b.logTail(4000)).contains("Notice filed:" + code + " exists already");
    }

    @Test
    @Order(3)
    void anEventWhoseListenerHadNotRunWhenItsNodeWasKilledIsDeliveredOnceAfterTheRestart() throws Exception {
        b.stop(); // only the killed node can deliver it, after its restart
        String code = file(a);
        Api api = a.api();
        JsonNode task = api.tasks("pr.tiepnhan", code).get(0);
        assertThat(api.claim("pr.tiepnhan", task.path("id").asText())).isEqualTo(204);
        assertThat(api.complete("pr.tiepnhan", task.path("id").asText(), Map.of("receptionDecision", "accept"))
                        .status())
                .isEqualTo(204);

        // hold the notification listener back: an uncommitted notice with the same key makes its insert wait
        try (Connection hold = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:3306/" + a.database() + "?nullDatabaseMeansCurrent=true",
                "motcua",
                "motcua")) {
            hold.setAutoCommit(false);
            try (PreparedStatement insert = hold.prepareStatement("""
                    insert into notification_notice
                           (event_key, dossier_code, kind, recipient_kind, message, created_at)
                    values (?, ?, 'HOLD', 'CITIZEN', 'hold', current_timestamp(3))
                    """)) {
                insert.setString(1, "apology:" + code);
                insert.setString(2, code);
                insert.executeUpdate();
            }
            Api.Reply apology = api.post(
                    "/api/dossiers/" + code + "/apology",
                    "pr.truongphong",
                    Map.of(
                            "reason",
                            "Chờ ý kiến của Sở Xây dựng",
                            "newAppointmentAt",
                            LocalDateTime.now().plusDays(40).withNano(0).toString()));
            assertThat(apology.status()).as("%s", apology.body()).isEqualTo(201);
            await(() -> !a.query("""
                                    select id from information_schema.processlist
                                     where db = ? and info like 'insert into notification_notice%'
                                    """, a.database()).isEmpty(), "the listener waiting on the held notice");
            a.kill9();
            hold.rollback();
        }
        assertThat(incomplete(code, "vn.motcua.sla.ApologyIssued"))
                .as("the listener had not completed")
                .isEqualTo(1);
        assertThat(notices(code, "APOLOGY_ISSUED")).isZero();

        a.start();
        await(() -> notices(code, "APOLOGY_ISSUED") == 1, "the apology notice after the restart");
        await(() -> incomplete(code, "vn.motcua.sla.ApologyIssued") == 0, "its publication completed");
        Installation.sleep(Duration.ofSeconds(3));
        assertThat(notices(code, "APOLOGY_ISSUED")).isEqualTo(1);
        assertThat(a.query("select message from notification_notice where event_key = ?", "apology:" + code))
                .singleElement()
                .satisfies(row -> assertThat((String) row.get("message"))
                        .startsWith("Cơ quan giải quyết xin lỗi vì hồ sơ " + code));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static String file(Installation node) {
        Api.Reply filed =
                node.api().fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    static int warnedSteps() {
        return count("select count(*) n from sla_step_clock where warned_at is not null");
    }

    static int notices(String kind) {
        return count("select count(*) n from notification_notice where kind = ?", kind);
    }

    static int notices(String code, String kind) {
        return count("select count(*) n from notification_notice where dossier_code = ? and kind = ?", code, kind);
    }

    static int incomplete(String code, String type) {
        return count("""
                select count(*) n from EVENT_PUBLICATION
                 where event_type = ? and serialized_event like ? and completion_date is null
                   and listener_id like 'vn.motcua.notification.%'
                """, type, "%\"" + code + "\"%");
    }

    static int count(String sql, Object... parameters) {
        return ((Number) a.query(sql, parameters).get(0).get("n")).intValue();
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
