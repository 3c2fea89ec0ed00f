package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.ResultIssued;

/**
 * Report II.06a of March 2025 for the Phan Rang ward, counted by hand from a fixture of dossiers filed through the real
 * API. The dossiers are filed today; the fixture then writes the March 2025 history into our own dossier tables
 * (dossier dates and status, dossier_status_change), because the engine cannot file in the past. The report is then
 * made twice: by the rebuild from those tables, and by the events that history would have published, each twice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIi06aTests {

    static final String WARD = "000.20.43.H43";
    static final String HOUSE = "1.009994.H43"; // sector "Hoạt động xây dựng"
    static final String EXTRACT = "2.000635.H43"; // sector "Hộ tịch"
    static final String MARCH = "/api/reports/ii06a?from=2025-03-01&to=2025-03-31&agency=" + WARD;

    /**
     * The form's columns 3–13 as the law's counting gives them for March 2025: received (3 total, 4 online, 5 direct
     * and postal, 6 carried over), resolved (7 total, 8 early, 9 on time, 10 late), in progress (11 total, 12 within
     * time, 13 overdue).
     */
    static final Map<String, List<Integer>> EXPECTED = Map.of(
            // H1 carried over and early, H2 online on time, H3 counter late, H4 counter within time,
            // H5 carried over and overdue, H6 counter resolved only in April so overdue at the end of March;
            // H7 (resolved in February) is not counted
            "Hoạt động xây dựng", List.of(6, 1, 3, 2, 3, 1, 1, 1, 3, 1, 2),
            // C1 online withdrawn (on time, column 9), C2 postal early; C3 refused at reception and C4 received
            // in April are not counted
            "Hộ tịch", List.of(2, 1, 1, 0, 2, 1, 1, 0, 0, 0, 0),
            "total", List.of(8, 2, 4, 2, 5, 2, 2, 1, 3, 1, 2));

    record Fixture(
            String name,
            String procedure,
            String channel,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            List<Change> changes) {} // after SUBMITTED at receivedAt

    record Change(DossierStatus status, LocalDateTime at) {}

    static final List<Fixture> FIXTURE = List.of(
            house("H1", "ONLINE", "2025-02-20T09:00", "2025-03-13T17:00", done("2025-03-10T10:00")),
            house("H2", "ONLINE", "2025-03-03T08:30", "2025-03-24T17:00", done("2025-03-24T15:00")),
            house("H3", "COUNTER", "2025-03-04T09:00", "2025-03-25T17:00", done("2025-03-27T10:00")),
            house("H4", "COUNTER", "2025-03-20T10:00", "2025-04-10T17:00", accepted("2025-03-20T10:05")),
            house("H5", "ONLINE", "2025-02-10T08:00", "2025-03-03T17:00", accepted("2025-02-10T14:00")),
            house("H6", "COUNTER", "2025-03-05T09:00", "2025-03-26T17:00", done("2025-04-02T09:00")),
            house("H7", "ONLINE", "2025-02-03T08:00", "2025-02-24T17:00", done("2025-02-21T09:00")),
            extract(
                    "C1",
                    "ONLINE",
                    "2025-03-06T08:00",
                    "2025-03-07T08:00",
                    List.of(
                            change(DossierStatus.ACCEPTED, "2025-03-06T08:30"),
                            change(DossierStatus.IN_PROCESS, "2025-03-06T09:00"),
                            change(DossierStatus.WITHDRAWAL_REQUESTED, "2025-03-06T14:00"),
                            change(DossierStatus.STOPPED, "2025-03-06T15:00"))),
            extract("C2", "POSTAL", "2025-03-10T09:00", "2025-03-11T09:00", done("2025-03-10T16:00")),
            extract(
                    "C3",
                    "ONLINE",
                    "2025-03-12T08:00",
                    null,
                    List.of(change(DossierStatus.REFUSED, "2025-03-12T10:00"))),
            extract("C4", "ONLINE", "2025-04-01T08:00", "2025-04-02T08:00", accepted("2025-04-01T08:10")));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModel model;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    java.time.Clock clock;

    Api api;
    final Map<String, String> codes = new HashMap<>();

    @BeforeAll
    void fileTheFixture() throws InterruptedException {
        api = new Api(port);
        for (Fixture f : FIXTURE) {
            Api.Reply filed = api.fileDossier(
                    f.channel().equals("ONLINE") ? "congdan" : "pr.tiepnhan", Api.multipart(request(f), files(f)));
            assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
            codes.put(f.name(), filed.text("code"));
        }
        awaitQuietEvents();
        // the durable DossierFiled of each real filing has reached the read model, with today's reception
        for (Fixture f : FIXTURE) {
            Map<String, Object> row = jdbc.queryForMap(
                    "select channel, sector, received_at from reporting_dossier where dossier_code = ?",
                    codes.get(f.name()));
            assertThat(row.get("channel")).isEqualTo(f.channel());
            assertThat(row.get("sector")).isEqualTo(f.procedure().equals(HOUSE) ? "Hoạt động xây dựng" : "Hộ tịch");
            assertThat(row.get("received_at").toString())
                    .startsWith(LocalDateTime.now(clock).toLocalDate().toString());
        }
        codes.forEach((name, code) -> writeHistory(fixture(name), code));
    }

    @Test
    void rebuildFromTheTablesGivesTheHandCountedReport() {
        Api.Reply rebuilt = api.post("/api/reports/rebuild", "admin", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        assertThat(report()).isEqualTo(EXPECTED);
    }

    @Test
    void theSameEventsDeliveredTwiceGiveTheSameReportAndRowsAsTheRebuild() {
        api.post("/api/reports/rebuild", "admin", Map.of());
        List<Map<String, Object>> rebuiltRows = rows();
        jdbc.update("delete from reporting_dossier where dossier_code in (" + inList() + ")");
        recount(); // the rows were taken out behind the read model's back: so are their counters
        deliver(false);
        assertThat(report()).isEqualTo(EXPECTED);
        assertThat(rows()).isEqualTo(rebuiltRows);
        deliver(false);
        assertThat(report()).isEqualTo(EXPECTED);
        assertThat(rows()).isEqualTo(rebuiltRows);
        // asynchronous delivery may bring a dossier's later events before its filing: the same rows again
        jdbc.update("delete from reporting_dossier where dossier_code in (" + inList() + ")");
        recount(); // the rows were taken out behind the read model's back: so are their counters
        deliver(true);
        assertThat(report()).isEqualTo(EXPECTED);
        assertThat(rows()).isEqualTo(rebuiltRows);
    }

    @Test
    void theWardsIndex766OfMarchIsCountedFromTheSameDossiers() {
        api.post("/api/reports/rebuild", "admin", Map.of());
        Api.Reply reply =
                api.get("/api/reports/index766?from=2025-03-01&to=2025-03-31&agency=" + WARD, "pr.truongphong");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode scope = reply.body().path("scopes").get(0);
        assertThat(reply.body().path("scopes")).hasSize(1);
        assertThat(scope.path("name").asText()).isEqualTo("Ủy ban nhân dân phường Phan Rang");
        Map<String, JsonNode> byCode = new HashMap<>();
        scope.path("indicators").forEach(i -> byCode.put(i.path("code").asText(), i));

        // 2.1: early 2 + on time 2 + within time 1 of 8 received = 62.50%, proportional to 20 points
        assertIndicator(byCode.get("2.1"), "5", "8", "62.50", "12.50");
        // 2.2: H1 433 h, H2 510.5 h, H3 553 h, C2 7 h from reception to result: 1,503.5 h = 62.65 days over 4
        assertThat(byCode.get("2.2").path("numerator").decimalValue()).isEqualByComparingTo("62.65");
        assertThat(byCode.get("2.2").path("denominator").asInt()).isEqualTo(4);
        assertThat(byCode.get("2.2").path("value").decimalValue()).isEqualByComparingTo("15.66");
        assertThat(byCode.get("2.2").path("points").isNull()).isTrue();
        // 3.3: 2 online of the 6 new ones = 33.33% against a target of 50%: 4 × 33.33 ÷ 50
        assertIndicator(byCode.get("3.3"), "2", "6", "33.33", "2.67");
        // 3.1 and 3.2: every ward procedure of the demo is online; the house permit and the extract had online filings
        int wardProcedures = api.get("/api/procedures?agency=" + WARD).body().size();
        assertIndicator(
                byCode.get("3.1"), String.valueOf(wardProcedures), String.valueOf(wardProcedures), "100.00", "4.00");
        assertThat(byCode.get("3.2").path("numerator").asInt()).isEqualTo(2);
        assertThat(byCode.get("3.2").path("denominator").asInt()).isEqualTo(wardProcedures);
        // 5.4: 100% − (1 late + 2 overdue, no dissatisfied rating) ÷ 8 = 62.50% against 90%: 6 × 62.5 ÷ 90
        assertIndicator(byCode.get("5.4"), "3", "8", "62.50", "4.17");
        // 4.1: none of the 4 resolved has a sealed electronic result (their history was written, not signed)
        assertIndicator(byCode.get("4.1"), "0", "4", "0.00", "0.00");
        // what needs data we do not keep yet is named, with no points
        assertThat(byCode.get("1.4").path("note").asText()).contains("DVCQG");
        BigDecimalSum sum = new BigDecimalSum();
        scope.path("indicators").forEach(i -> sum.add(i.path("points")));
        assertThat(scope.path("points").decimalValue()).isEqualByComparingTo(sum.total);
        assertThat(scope.path("maxPoints").decimalValue()).isEqualByComparingTo("42.4"); // 20 + 4 + 4 + 4 + 4.4 + 6

        Api.Reply otherAgency =
                api.get("/api/reports/index766?from=2025-03-01&to=2025-03-31&agency=000.00.12.H43", "pr.truongphong");
        assertThat(otherAgency.status()).isEqualTo(403);
        assertThat(otherAgency.text("message"))
                .isEqualTo("Lãnh đạo chỉ xem được chỉ số 766 của cơ quan mình (" + WARD + ").");

        Api.Reply province = api.get("/api/reports/index766?from=2025-03-01&to=2025-03-31", "admin");
        assertThat(province.body().path("scopes").get(0).path("agency").isNull())
                .isTrue();
        assertThat(province.body().path("scopes").get(0).path("name").asText())
                .isEqualTo("Ủy ban nhân dân tỉnh Ninh Thuận");
        assertThat(province.body().path("scopes"))
                .extracting(s -> s.path("agency").asText())
                .contains(WARD, "000.00.12.H43");
    }

    static final class BigDecimalSum {
        BigDecimal total = BigDecimal.ZERO;

        void add(JsonNode points) {
            if (!points.isNull() && !points.isMissingNode()) {
                total = total.add(points.decimalValue());
            }
        }
    }

    private static void assertIndicator(
            JsonNode indicator, String numerator, String denominator, String percent, String points) {
        String code = indicator.path("code").asText();
        assertThat(indicator.path("numerator").decimalValue()).as(code).isEqualByComparingTo(numerator);
        assertThat(indicator.path("denominator").decimalValue()).as(code).isEqualByComparingTo(denominator);
        assertThat(indicator.path("value").decimalValue()).as(code).isEqualByComparingTo(percent);
        assertThat(indicator.path("points").decimalValue()).as(code).isEqualByComparingTo(points);
    }

    @Test
    void aCitizenIsRefusedAndBadDatesAreExplained() {
        Api.Reply citizen = api.get(MARCH, "congdan");
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.text("message")).contains("Chỉ lãnh đạo");
        assertThat(citizen.text("messageEn")).contains("Only heads, leaders or administrators");
        Api.Reply rebuildByLeader = api.post("/api/reports/rebuild", "pr.chutich", Map.of());
        assertThat(rebuildByLeader.status()).isEqualTo(403);

        Api.Reply notADate = api.get("/api/reports/ii06a?from=2025-13-01&to=2025-03-31", "pr.chutich");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.text("message")).isEqualTo("Từ ngày \"2025-13-01\" không phải là ngày dạng YYYY-MM-DD.");
        assertThat(notADate.text("messageEn"))
                .isEqualTo("The from date \"2025-13-01\" is not a date of the form YYYY-MM-DD.");
        Api.Reply reversed = api.get("/api/reports/ii06a?from=2025-03-31&to=2025-03-01", "pr.chutich");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.text("message")).contains("đến ngày 2025-03-01 trước từ ngày 2025-03-31");
        Api.Reply missing = api.get("/api/reports/ii06a?from=2025-03-01", "pr.chutich");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("messageEn")).isEqualTo("The parameter to (YYYY-MM-DD) is missing.");
    }

    Map<String, List<Integer>> report() {
        Api.Reply reply = api.get(MARCH, "pr.chutich");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        Map<String, List<Integer>> table = new HashMap<>();
        for (JsonNode row : reply.body().path("rows")) {
            table.put(row.path("sector").asText(), cells(row.path("cells")));
        }
        table.put("total", cells(reply.body().path("total")));
        return table;
    }

    static List<Integer> cells(JsonNode cells) {
        List<Integer> values = new ArrayList<>();
        for (String column : List.of(
                "received",
                "receivedOnline",
                "receivedDirectOrPostal",
                "carriedOver",
                "resolved",
                "resolvedEarly",
                "resolvedOnTime",
                "resolvedLate",
                "inProgress",
                "inProgressWithinTime",
                "inProgressOverdue")) {
            values.add(cells.path(column).asInt(-1));
        }
        return values;
    }

    /**
     * Applies the events the fixture's history publishes, in order or each dossier's in reverse, one transaction each
     * as the listeners do (the listeners themselves are asynchronous; the durable path is checked at filing).
     */
    void recount() {
        Api.Reply recounted = api.post("/api/reports/recount", "admin", Map.of());
        assertThat(recounted.status()).as(recounted.body().toString()).isEqualTo(200);
    }

    void deliver(boolean reversed) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (Fixture f : FIXTURE) {
            String code = codes.get(f.name());
            List<Runnable> events = new ArrayList<>();
            events.add(() -> model.apply(new DossierFiled(
                    code,
                    f.procedure(),
                    WARD,
                    NewDossier.Channel.valueOf(f.channel()),
                    f.receivedAt(),
                    f.dueAt(),
                    "someone")));
            DossierStatus from = DossierStatus.SUBMITTED;
            for (Change change : f.changes()) {
                DossierStatus before = from;
                events.add(
                        () -> model.apply(new DossierStatusChanged(code, before, change.status(), change.at(), null)));
                if (change.status() == DossierStatus.DONE) {
                    events.add(() -> model.apply(new ResultIssued(code, f.procedure(), WARD, change.at(), f.dueAt())));
                }
                from = change.status();
            }
            if (reversed) {
                Collections.reverse(events);
            }
            events.forEach(event -> tx.executeWithoutResult(status -> event.run()));
        }
    }

    void writeHistory(Fixture f, String code) {
        DossierStatus last = DossierStatus.SUBMITTED;
        LocalDateTime finished = null;
        jdbc.update("delete from dossier_status_change where dossier_code = ?", code);
        jdbc.update(
                "insert into dossier_status_change (dossier_code, status, changed_at) values (?, ?, ?)",
                code,
                DossierStatus.SUBMITTED.code(),
                f.receivedAt());
        for (Change change : f.changes()) {
            last = change.status();
            jdbc.update(
                    "insert into dossier_status_change (dossier_code, status, changed_at) values (?, ?, ?)",
                    code,
                    last.code(),
                    change.at());
            finished = last.isFinal() || last.hasResult() ? change.at() : null;
        }
        jdbc.update(
                "update dossier set received_at = ?, due_at = ?, status = ?, finished_at = ? where code = ?",
                f.receivedAt(),
                f.dueAt() == null ? f.receivedAt() : f.dueAt(),
                last.code(),
                finished,
                code);
    }

    List<Map<String, Object>> rows() {
        return jdbc.queryForList(
                "select * from reporting_dossier where dossier_code in (" + inList() + ") order by dossier_code");
    }

    String inList() {
        return String.join(",", codes.values().stream().map(c -> "'" + c + "'").toList());
    }

    void awaitQuietEvents() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject(
                                "select count(*) from EVENT_PUBLICATION where completion_date is null", Integer.class)
                        > 0
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
    }

    Fixture fixture(String name) {
        return FIXTURE.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, Object> request(Fixture f) {
        if (f.procedure().equals(HOUSE)) {
            return Api.housePermitRequest(f.channel());
        }
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest(f.channel()));
        request.put("procedureCode", EXTRACT);
        request.put("formData", Map.of("eventType", "birth", "personName", "Nguyễn Thị Bình", "copies", 1));
        return request;
    }

    static Map<String, byte[]> files(Fixture f) {
        return f.procedure().equals(HOUSE) ? Api.houseFiles() : Map.of("TOKHAI", Api.PDF);
    }

    static Fixture house(String name, String channel, String received, String due, List<Change> changes) {
        return new Fixture(name, HOUSE, channel, at(received), at(due), changes);
    }

    static Fixture extract(String name, String channel, String received, String due, List<Change> changes) {
        return new Fixture(name, EXTRACT, channel, at(received), due == null ? null : at(due), changes);
    }

    static List<Change> done(String at) {
        return List.of(
                change(DossierStatus.ACCEPTED, at(at).minusHours(6).toString()),
                change(DossierStatus.IN_PROCESS, at(at).minusHours(5).toString()),
                change(DossierStatus.DONE, at));
    }

    static List<Change> accepted(String at) {
        return List.of(
                change(DossierStatus.ACCEPTED, at),
                change(DossierStatus.IN_PROCESS, at(at).plusMinutes(5).toString()));
    }

    static Change change(DossierStatus status, String at) {
        return new Change(status, at(at));
    }

    static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }
}
