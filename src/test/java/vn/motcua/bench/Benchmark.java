package vn.motcua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.nationalportal.PortalEmulator;

/**
 * Runs the whole benchmark in one JVM and writes the results table: lifecycles on the bare engine (a) and on the
 * product over HTTP (b), interleaved per repetition so that both see the same machine; SQL per step; signing a result
 * against writing it unsigned; then tracking lookups against a raw point select at each seeded size; report II.06a;
 * catalogue search at 2,000 procedures against a point select;
 * then the national portal sync draining a backlog while filing goes on (the product linked to the portal's emulator
 * for its whole run).
 */
public final class Benchmark {

    private final Settings settings;
    private final Report report;

    Benchmark(Settings settings) {
        this.settings = settings;
        this.report = new Report(settings);
    }

    /** Exits 1 when a phase failed, or a phase that ran produced no numbers. */
    public static void main(String[] args) {
        Report report;
        try {
            report = new Benchmark(Settings.fromSystemProperties()).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(report.markdown());
        Settings settings = Settings.fromSystemProperties();
        if (settings.runs("lifecycle") && !report.lifecycleMeasured()) {
            log("the lifecycle phase produced no numbers");
            System.exit(1);
        }
        if (settings.runs("tracking") && !report.trackingMeasured()) {
            log("the tracking phase produced no numbers");
            System.exit(1);
        }
        if (settings.runs("report") && !report.reportMeasured()) {
            log("the report phase produced no numbers");
            System.exit(1);
        }
        if (settings.runs("signing") && !report.signingMeasured()) {
            log("the signing phase produced no numbers");
            System.exit(1);
        }
        if (settings.runs("catalogue") && !report.catalogueMeasured()) {
            log("the catalogue search phase produced no numbers");
            System.exit(1);
        }
        if (settings.runs("portal") && !report.portalMeasured()) {
            log("the national portal phase failed");
            System.exit(1);
        }
        System.exit(0);
    }

    Report run() throws Exception {
        String engineDb = settings.database() + "_engine";
        recreate(engineDb);
        recreate(settings.database());
        report.heap("JVM before either engine", heapAfterGc());
        // the portal's emulator, a process of its own, up for the product's whole run: the link is on, as in production
        try (PortalEmulator portal = PortalEmulator.named("bench").start()) {
            log("national portal emulator at %s", portal.url());
            long t0 = System.nanoTime();
            try (BareEngine bare = new BareEngine(settings.jdbcUrl(engineDb), settings.user(), settings.password())) {
                report.startup("(a) bare engine: build, schema, deploy", (System.nanoTime() - t0) / 1e6);
                report.heap("after (a) started", heapAfterGc());
                long t1 = System.nanoTime();
                try (Product product = new Product(
                        settings.jdbcUrl(settings.database()),
                        settings.user(),
                        settings.password(),
                        PortalBench.properties(portal))) {
                    report.startup(
                            "(b) product: Spring Boot context, schema, migrations, deploy",
                            (System.nanoTime() - t1) / 1e6);
                    report.heap("after (b) started", heapAfterGc());
                    if (settings.runs("lifecycle")) {
                        lifecycles(bare, product);
                        report.heap("after the lifecycle runs (a and b live)", heapAfterGc());
                        report.filingRetries(product.retries());
                        sql("(a)", bare, engineDb);
                        sql("(b)", product, settings.database());
                        report.write();
                    }
                    bare.close();
                    if (settings.runs("signing")) {
                        signing(product);
                    }
                    if (settings.runs("tracking")) {
                        tracking(product);
                    }
                    if (settings.runs("report")) {
                        new ReportBench(settings, report, product.port).run();
                    }
                    if (settings.runs("catalogue")) {
                        new CatalogueBench(settings, report, product.port).run();
                    }
                    if (settings.runs("portal")) {
                        portal(product, portal);
                    }
                }
            }
        }
        report.write();
        return report;
    }

    private void lifecycles(BareEngine bare, Product product) throws Exception {
        log("warm-up: %d lifecycles per side, the first one alone", settings.warmupLifecycles());
        drive(bare, 1, new Latencies(), 1);
        drive(product, 1, new Latencies(), 1);
        drive(bare, settings.warmupLifecycles(), new Latencies());
        drive(product, settings.warmupLifecycles(), new Latencies());
        for (int rep = 1; rep <= settings.repetitions(); rep++) {
            double a = recorded("a", rep, () -> drive(bare, settings.lifecycles(), report.latencies("(a)")));
            double b = recorded("b", rep, () -> drive(product, settings.lifecycles(), report.latencies("(b)")));
            report.lifecycleRun(rep, a, b);
            log("repetition %d: (a) %.2f/s, (b) %.2f/s, b/a %.3f", rep, a, b, b / a);
        }
    }

    interface Run {
        double run() throws Exception;
    }

    /**
     * With {@code -Dbench.jfr=DIR}: a Flight Recording (settings "profile") of just this measured run, dumped to
     * {@code DIR/<side>-rep<N>.jfr}, so that profiles hold the lifecycles of one side and nothing else.
     */
    private static double recorded(String side, int rep, Run run) throws Exception {
        String directory = System.getProperty("bench.jfr");
        if (directory == null || directory.isBlank()) {
            return run.run();
        }
        java.nio.file.Path file = java.nio.file.Path.of(directory, side + "-rep" + rep + ".jfr");
        Files.createDirectories(file.getParent());
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.start();
            double result = run.run();
            recording.stop();
            recording.dump(file);
            log("flight recording of (%s) repetition %d: %s", side, rep, file);
            return result;
        }
    }

    /** Runs {@code count} whole lifecycles on {@code threads} client threads, answers lifecycles per second. */
    double drive(Lifecycle.Driver driver, int count, Latencies latencies) throws Exception {
        return drive(driver, count, latencies, settings.threads());
    }

    private double drive(Lifecycle.Driver driver, int count, Latencies latencies, int threads) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(clients.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        walk(driver, latencies);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void walk(Lifecycle.Driver driver, Latencies latencies) {
        String code = driver.file(latencies);
        Lifecycle.STEPS.forEach(step -> driver.complete(code, step, latencies));
    }

    private void sql(String side, Lifecycle.Driver driver, String database) throws Exception {
        try (SqlProbe probe = new SqlProbe(settings.jdbcUrl(database), settings.user(), settings.password())) {
            StatementCounter.startReporting();
            for (int i = 0; i < settings.sqlLifecycles(); i++) {
                walk(driver, probe);
            }
            Thread.sleep(2000); // the read model's listeners of the last step run after it answered
            report.sql(side, probe.counts());
            report.reportingStatements(side, (double) StatementCounter.stopReporting() / settings.sqlLifecycles());
            java.nio.file.Path statements =
                    settings.output().resolveSibling("sql-" + side.replaceAll("\\W", "") + ".txt");
            ensureDirectory(statements);
            Files.writeString(statements, probe.statements());
            log("statements of (%s) per step: %s", side, statements);
        }
    }

    /** A failure is reported and the other phases still run; the exit status says it. */
    private void signing(Product product) throws IOException {
        try {
            new SigningBench(settings, report, product).run();
        } catch (Exception e) {
            e.printStackTrace();
            report.signingFailed(e.toString());
        }
        report.write();
    }

    /** Like signing: a failure is reported, and the exit status says it. */
    private void portal(Product product, PortalEmulator portal) throws IOException {
        try {
            new PortalBench(settings, report, product, portal).run();
        } catch (Exception e) {
            e.printStackTrace();
            report.portalFailed(e.toString());
        }
        report.write();
    }

    private void tracking(Product product) throws Exception {
        BulkLoader loader = new BulkLoader(
                settings.jdbcUrl(settings.database()) + "&useCompression=false", settings.user(), settings.password());
        LoadGenerator load = new LoadGenerator(product.port, settings.loadThreads());
        Duration warmup = Duration.ofSeconds(settings.loadWarmupSeconds());
        Duration measured = Duration.ofSeconds(settings.loadSeconds());
        for (int size : settings.sizes()) {
            long before = loader.rows();
            long t0 = System.nanoTime();
            loader.fillTo(size);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.seeded(size, loader.rows() - before, seconds, tableSizes());
            log("seeded %d dossiers (%d rows) in %.1f s", size, loader.rows() - before, seconds);
            List<String> codes = loader.codes();
            load.run("/api/tracking/", codes, warmup, settings.maxRequests());
            load.run(BenchWiring.RAW_LOOKUP, codes, warmup, settings.maxRequests());
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                LoadGenerator.Result tracking = load.run("/api/tracking/", codes, measured, settings.maxRequests());
                LoadGenerator.Result raw = load.run(BenchWiring.RAW_LOOKUP, codes, measured, settings.maxRequests());
                report.trackingRun(size, rep, tracking, raw);
                report.write();
                log(
                        "%d dossiers, repetition %d: tracking %.0f/s p99 %.1f ms, raw %.0f/s p99 %.1f ms",
                        size, rep, tracking.throughput(), tracking.p99(), raw.throughput(), raw.p99());
            }
        }
    }

    private String tableSizes() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        settings.jdbcUrl(settings.database()), settings.user(), settings.password());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("""
                        select table_name, round((data_length + index_length) / 1048576)
                          from information_schema.tables
                         where table_schema = database()
                           and table_name in ('dossier', 'dossier_step', 'dossier_status_change')
                         order by table_name
                        """)) {
            List<String> sizes = new ArrayList<>();
            while (rows.next()) {
                sizes.add(rows.getString(1) + " " + rows.getLong(2) + " MB");
            }
            return String.join(", ", sizes);
        }
    }

    private void recreate(String name) throws SQLException {
        if (!name.matches("motcua_test_bench\\w*")) {
            throw new IllegalStateException("Refusing to empty a database not named motcua_test_bench*: " + name);
        }
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:3306/", settings.user(), settings.password());
                Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    static void ensureDirectory(java.nio.file.Path file) throws java.io.IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
    }
}
