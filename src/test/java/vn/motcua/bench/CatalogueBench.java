package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import vn.motcua.Api;
import vn.motcua.catalog.GeneratedCatalogue;

/**
 * Catalogue search (issue 16) with the generated catalogue imported: {@code GET /api/procedures/search} over HTTP, a
 * mix of queries with and without diacritics, against one indexed point select on {@code catalog_procedure} over JDBC
 * behind the same HTTP ({@link BenchWiring#RAW_PROCEDURE}), interleaved per repetition as the tracking phase does.
 */
final class CatalogueBench {

    /** Goals: a search's p99 within this many times the point select's, and its throughput at least this share. */
    static final double GOAL_P99_RATIO = 10;

    static final double GOAL_THROUGHPUT_RATIO = 0.2;

    static final List<String> QUERIES = List.of(
            "xay dung",
            "xây dựng",
            "XÂY DỰNG",
            "dang ky khai sinh",
            "Đăng ký kết hôn",
            "giay phep lao dong",
            "chứng thực hợp đồng",
            "ho kinh doanh",
            "dat dai",
            "1.009994");

    record Run(int repetition, LoadGenerator.Result search, LoadGenerator.Result raw) {}

    record Measured(int procedures, double importSeconds, List<Run> runs) {}

    private final Settings settings;
    private final Report report;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    CatalogueBench(Settings settings, Report report, int port) {
        this.settings = settings;
        this.report = report;
        this.port = port;
    }

    void run() throws Exception {
        int procedures = settings.catalogueProcedures();
        long t0 = System.nanoTime();
        load(procedures);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        Benchmark.log("catalogue: %d procedures imported in %.1f s", procedures, importSeconds);
        List<String> queries = QUERIES.stream()
                .map(q -> URLEncoder.encode(q, StandardCharsets.UTF_8))
                .toList();
        List<String> codes = IntStream.rangeClosed(1, procedures)
                .mapToObj(GeneratedCatalogue::code)
                .toList();
        LoadGenerator load = new LoadGenerator(port, settings.loadThreads());
        Duration warmup = Duration.ofSeconds(settings.loadWarmupSeconds());
        Duration measured = Duration.ofSeconds(settings.loadSeconds());
        load.run(SEARCH, queries, warmup, settings.maxRequests());
        load.run(BenchWiring.RAW_PROCEDURE, codes, warmup, settings.maxRequests());
        List<Run> runs = new ArrayList<>();
        for (int rep = 1; rep <= settings.repetitions(); rep++) {
            LoadGenerator.Result search = load.run(SEARCH, queries, measured, settings.maxRequests());
            LoadGenerator.Result raw = load.run(BenchWiring.RAW_PROCEDURE, codes, measured, settings.maxRequests());
            measuredSomething(search, "the catalogue search");
            measuredSomething(raw, "the point select on catalog_procedure");
            runs.add(new Run(rep, search, raw));
            Benchmark.log(
                    "catalogue, repetition %d: search %.0f/s p99 %.1f ms, point select %.0f/s p99 %.1f ms",
                    rep, search.throughput(), search.p99(), raw.throughput(), raw.p99());
        }
        report.catalogue(new Measured(procedures, importSeconds, runs));
        report.write();
    }

    static final String SEARCH = "/api/procedures/search?size=20&q=";

    private static void measuredSomething(LoadGenerator.Result result, String what) {
        if (result.requests() == 0 || result.errors() > 0) {
            throw new IllegalStateException(what + " measured nothing: " + result);
        }
    }

    /** The generated catalogue through the operator's import, as an installation gets its catalogue. */
    private void load(int procedures) throws Exception {
        String body = new ObjectMapper().writeValueAsString(GeneratedCatalogue.procedures(procedures));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalogue/imports"))
                        .header("Authorization", Api.basic("admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("The catalogue import answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(2000, answer.body().length())));
        }
    }

    static void table(StringBuilder md, Measured measured) {
        md.append("## Catalogue search: GET ")
                .append(SEARCH)
                .append("… vs one indexed point select (GET ")
                .append(BenchWiring.RAW_PROCEDURE)
                .append("{code})\n\n- ")
                .append(measured.procedures())
                .append(" generated procedures imported (POST /api/catalogue/imports) in ")
                .append(Report.f1(measured.importSeconds()))
                .append(" s, with the demo's; queries, in turn: ")
                .append(String.join(
                        ", ", QUERIES.stream().map(q -> "`" + q + "`").toList()))
                .append("\n- The select: `select code, name, sector, agency_code, online_level, legal_time, time_unit,")
                .append(" version from catalog_procedure where code = ?` (primary key), random generated codes\n\n")
                .append("| Repetition | search req/s | search p50 ms | search p99 ms | select req/s | select p50 ms")
                .append(" | select p99 ms | search/select throughput | search/select p99 | errors |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<Run> runs = measured.runs();
        for (Run run : runs) {
            md.append(Report.row(
                    "" + run.repetition(),
                    Report.f0(run.search().throughput()),
                    Report.f1(run.search().p50()),
                    Report.f1(run.search().p99()),
                    Report.f0(run.raw().throughput()),
                    Report.f1(run.raw().p50()),
                    Report.f1(run.raw().p99()),
                    Report.f3(throughputRatio(run)),
                    Report.f1(p99Ratio(run)),
                    run.search().errors() + " / " + run.raw().errors()));
        }
        List<Double> throughput =
                runs.stream().map(CatalogueBench::throughputRatio).toList();
        List<Double> p99 = runs.stream().map(CatalogueBench::p99Ratio).toList();
        md.append("\n| What | median (min–max) | goal |\n|---|---|---|\n")
                .append(Report.row(
                        "search p99 ms",
                        Report.spread(runs.stream().map(r -> r.search().p99()).toList(), 1),
                        ""))
                .append(Report.row(
                        "**search p99 / select p99**",
                        "**" + Report.spread(p99, 1) + "**",
                        "≤ " + Report.f1(GOAL_P99_RATIO)))
                .append(Report.row(
                        "**search / select throughput**",
                        "**" + Report.spread(throughput, 3) + "**",
                        "≥ " + Report.f1(GOAL_THROUGHPUT_RATIO)))
                .append('\n');
    }

    private static double throughputRatio(Run run) {
        return run.search().throughput() / run.raw().throughput();
    }

    private static double p99Ratio(Run run) {
        return run.search().p99() / run.raw().p99();
    }
}
