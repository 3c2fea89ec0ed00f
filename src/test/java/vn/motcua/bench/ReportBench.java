package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.motcua.Api;

/**
 * Report II.06a of 2019 over a read model of {@code size} dossiers: the product's {@code GET /api/reports/ii06a} (over
 * HTTP, as an operator) against one plain aggregate SQL that counts the same columns over the same rows, in the same
 * run. Rows are written straight into {@code reporting_dossier}, received through 2019, resolved early, on time or
 * late, some still open at the year's end; then the operator's {@code POST /api/reports/recount} makes the day counters
 * the product's report reads (its time is reported too).
 */
final class ReportBench {

    static final String[] SECTORS = {
        "Hoạt động xây dựng", "Hộ tịch", "Đăng ký, quản lý cư trú", "Bảo hiểm y tế", "Đất đai"
    };
    private static final int CHUNK = 2000;
    private static final String PLAIN = """
            select sector,
                   sum(case when received_at >= ? and channel = 'ONLINE' then 1 else 0 end),
                   sum(case when received_at >= ? and channel <> 'ONLINE' then 1 else 0 end),
                   sum(case when received_at < ? then 1 else 0 end),
                   sum(case when resolved_at < ? and timeliness = 'EARLY' then 1 else 0 end),
                   sum(case when resolved_at < ? and timeliness = 'ON_TIME' then 1 else 0 end),
                   sum(case when resolved_at < ? and timeliness = 'LATE' then 1 else 0 end),
                   sum(case when resolved_at is null or resolved_at >= ? then 1 else 0 end)
              from reporting_dossier
             where received_at < ?
               and (resolved_at is null or resolved_at >= ?)
               and (refused_at is null or refused_at >= ?)
               and (stopped_at is null or stopped_at >= ?)
             group by sector
            """;
    private static final LocalDateTime FROM = LocalDateTime.of(2019, 1, 1, 0, 0);
    private static final LocalDateTime TO = LocalDateTime.of(2020, 1, 1, 0, 0);

    private final Settings settings;
    private final Report report;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    ReportBench(Settings settings, Report report, int port) {
        this.settings = settings;
        this.report = report;
        this.port = port;
    }

    void run() throws Exception {
        try (Connection db = DriverManager.getConnection(
                settings.jdbcUrl(settings.database()), settings.user(), settings.password())) {
            for (int size : settings.reportSizes()) {
                long t0 = System.nanoTime();
                int written = fillTo(db, size);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Benchmark.log("report read model: %d rows written in %.1f s", written, seconds);
                long t1 = System.nanoTime();
                recount();
                double recountSeconds = (System.nanoTime() - t1) / 1e9;
                Benchmark.log("report day counters made again from %d rows in %.1f s", size, recountSeconds);
                int plainReceived = plain(db);
                int productReceived = product();
                if (plainReceived != productReceived || plainReceived != size) {
                    throw new IllegalStateException("II.06a counts " + productReceived + " received, the plain SQL "
                            + plainReceived + ", of " + size + " rows");
                }
                for (int warm = 0; warm < 5; warm++) {
                    product(); // the report's code path compiled before it is timed, at the first size too
                }
                List<Double> plain = new ArrayList<>();
                List<Double> product = new ArrayList<>();
                for (int rep = 0; rep < Math.max(3, settings.repetitions()); rep++) {
                    plain.add(timed(() -> plain(db)));
                    product.add(timed(this::product));
                }
                report.reportRun(size, seconds, recountSeconds, median(plain), median(product));
                report.write();
                Benchmark.log(
                        "II.06a of %d dossiers: plain SQL %.1f ms, product %.1f ms",
                        size, median(plain), median(product));
            }
        }
    }

    private int fillTo(Connection db, int size) throws SQLException {
        int have;
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select count(*) from reporting_dossier where dossier_code like 'BENCH-R-%'")) {
            rows.next();
            have = rows.getInt(1);
        }
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into reporting_dossier (dossier_code, procedure_code, agency_code, sector, channel, received_at,
                       due_at, resolved_at, timeliness, returned_at)
                values (?, '1.009994.H43', ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (int i = have; i < size; i++) {
                LocalDateTime received = FROM.plusDays(1 + i % 360).plusMinutes(i % 600);
                LocalDateTime due = received.plusDays(20);
                LocalDateTime resolved = switch (i % 10) {
                    case 0 -> received.plusDays(24); // late
                    case 1, 2 -> received.plusDays(20).minusHours(2); // on time
                    case 3 -> null; // still open
                    default -> received.plusDays(9); // early
                };
                insert.setString(1, "BENCH-R-%09d".formatted(i));
                insert.setString(2, i % 3 == 0 ? "000.00.12.H43" : "000.20.43.H43");
                insert.setString(3, SECTORS[i % SECTORS.length]);
                insert.setString(4, i % 5 < 2 ? "ONLINE" : "COUNTER");
                insert.setTimestamp(5, Timestamp.valueOf(received));
                insert.setTimestamp(6, Timestamp.valueOf(due));
                insert.setTimestamp(7, resolved == null ? null : Timestamp.valueOf(resolved));
                insert.setString(8, resolved == null ? null : i % 10 == 0 ? "LATE" : i % 10 < 3 ? "ON_TIME" : "EARLY");
                insert.setTimestamp(9, resolved == null ? null : Timestamp.valueOf(resolved.plusDays(1)));
                insert.addBatch();
                if ((i - have + 1) % CHUNK == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        return size - have;
    }

    /** The plain aggregate: the received total it counts. */
    private int plain(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(PLAIN)) {
            Timestamp from = Timestamp.valueOf(FROM);
            Timestamp to = Timestamp.valueOf(TO);
            Timestamp[] values = {from, from, from, to, to, to, to, to, from, from, from};
            for (int p = 0; p < values.length; p++) {
                query.setTimestamp(p + 1, values[p]);
            }
            int received = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    received += rows.getInt(2) + rows.getInt(3) + rows.getInt(4);
                }
            }
            return received;
        }
    }

    /** The rows were written behind the read model's back: the operator has its day counters made again from them. */
    private void recount() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/recount"))
                        .header("Authorization", Api.basic("admin"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The recount answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The product's report for 2019, over HTTP as an operator: the received total it answers. */
    private int product() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/reports/ii06a?from=2019-01-01&to=2019-12-31"))
                        .header("Authorization", Api.basic("admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("II.06a answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode report = json.readTree(answer.body());
        return report.path("total").path("received").asInt();
    }

    private interface Call {
        int call() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long t0 = System.nanoTime();
        call.call();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
