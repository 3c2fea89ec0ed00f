package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.nationalportal.PortalEmulator;

/**
 * The national portal sync (issue 15): a backlog of unsynced events drains at a measured rate without slowing filing
 * by more than a stated ratio. The product is linked to the portal's emulator (a process of its own) for its whole
 * run. Here, after half as many warm-up filings: (a) {@code portalFilings} filings over HTTP with the queue empty and the sync running; then the portal
 * goes down and the product makes the backlog itself (dossiers filed over HTTP and walked through their first steps,
 * each step queueing its rows in its own transaction) until {@code portal_sync} holds at least {@code portalBacklog}
 * PENDING rows; then the portal comes back and, while the backlog drains, (b) the same filings again; then (a) once
 * more, the queue empty again, so that the baseline brackets (b) (b/a is taken against the better one). Measured: b/a,
 * the time until no row of the backlog is PENDING (the drain rate), the portal calls made, and the emulator's counts,
 * with the checks that every dossier of the backlog is on the portal and nothing was stored twice.
 */
final class PortalBench {

    static final String UNIT = "000.00.00.H43";
    static final String USERNAME = "motcua";
    static final String PASSWORD = "motcua-demo";
    static final String POLL = "PT0.2S";
    static final String BACKOFF_MAX = "PT1S";
    static final int BATCH = 100;
    /** Filing while a backlog drains keeps at least this share of its rate with the queue empty. */
    static final double RATIO_GOAL = 0.8;
    /** NĐ 63/2024's "within 10 minutes" for a liên thông sync, for a backlog of 10,000 events: events/s. */
    static final double DRAIN_GOAL = 10_000 / 600.0;
    /** The steps each backlog dossier walks: filing then these (no signing), with the portal down. */
    static final List<Lifecycle.Step> BACKLOG_STEPS = Lifecycle.STEPS.subList(0, 3);

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    /** {@code SyncMapper.heads}, as the sync asks it (copied: the mapper is the module's own). */
    private static final String HEADS = """
            select s.* from portal_sync s
              join (select dossier_code, min(id) as id from portal_sync
                     where status in ('PENDING', 'PARKED') group by dossier_code) h on h.id = s.id
             where s.status = 'PENDING'
             order by s.id
             limit ?
            """;

    /** What the phase measured. */
    record Run(
            int filings,
            double baselineRate,
            double baselineP50,
            double afterRate,
            double afterP50,
            double drainingRate,
            double drainingP50,
            double filingSeconds,
            long backlog,
            long backlogRecords,
            long backlogProgress,
            long backlogDossiers,
            int dossiersMade,
            double makeSeconds,
            double headsMillis,
            double drainSeconds,
            double allSentSeconds,
            Map<String, Long> backlogAfter,
            Map<String, Long> calls,
            long records,
            long recordVersions,
            long progress,
            long duplicates,
            long refused,
            long dossiersOnPortal,
            List<String> missing) {

        /** Against the better of the two baselines, before and after the drain: the warmer JVM, the stricter ratio. */
        double ratio() {
            return drainingRate / Math.max(baselineRate, afterRate);
        }

        double drainRate() {
            return backlog / drainSeconds;
        }

        /** The share of (b)'s filings that ran while rows of the backlog were still PENDING. */
        double overlap() {
            return Math.min(1, drainSeconds / filingSeconds);
        }
    }

    /** The link's properties for the product: the emulator's address, its default unit and account. */
    static Map<String, String> properties(PortalEmulator emulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("motcua.national-portal.url", emulator.url().toString());
        properties.put("motcua.national-portal.unit", UNIT);
        properties.put("motcua.national-portal.username", USERNAME);
        properties.put("motcua.national-portal.password", PASSWORD);
        properties.put("motcua.national-portal.poll", POLL);
        properties.put("motcua.national-portal.batch", Integer.toString(BATCH));
        properties.put("motcua.national-portal.backoff-max", BACKOFF_MAX);
        return properties;
    }

    private final Settings settings;
    private final Report report;
    private final Product product;
    private final PortalEmulator emulator;

    PortalBench(Settings settings, Report report, Product product, PortalEmulator emulator) {
        this.settings = settings;
        this.report = report;
        this.product = product;
        this.emulator = emulator;
    }

    void run() throws Exception {
        try (Connection db = DriverManager.getConnection(
                settings.jdbcUrl(settings.database()), settings.user(), settings.password())) {
            emulator.mode(false, 0);
            settle(db, "the earlier phases' rows");
            int n = settings.portalFilings();
            // warm-up: the filing path as warm for (a) as the backlog's own filings make it for (b)
            filings(Math.max(1, n / 2), new Latencies());
            settle(db, "the warm-up filings' rows");
            Latencies baseline = new Latencies();
            long a0 = System.nanoTime();
            filings(n, baseline);
            double a = n / ((System.nanoTime() - a0) / 1e9);
            Benchmark.log("portal: (a) %d filings, queue empty, sync running: %.2f/s", n, a);
            settle(db, "the baseline filings' rows");

            emulator.mode(true, 0);
            long m0 = System.nanoTime();
            int made = makeBacklog(db);
            double makeSeconds = (System.nanoTime() - m0) / 1e9;
            long lastId = scalar(db, "select coalesce(max(id), 0) from portal_sync");
            long backlog = scalar(db, "select count(*) from portal_sync where status = 'PENDING'");
            long records = scalar(db, "select count(*) from portal_sync where status = 'PENDING' and kind = 'RECORD'");
            long progress =
                    scalar(db, "select count(*) from portal_sync where status = 'PENDING' and kind = 'PROGRESS'");
            long dossiers = scalar(db, "select count(distinct dossier_code) from portal_sync where status = 'PENDING'");
            Set<String> codes = new HashSet<>(
                    strings(db, "select distinct dossier_code from portal_sync where status = 'PENDING'"));
            double heads = headsMillis(db);
            Benchmark.log(
                    "portal: backlog of %d PENDING rows (%d RECORD, %d PROGRESS) of %d dossiers, %d made in %.1f s"
                            + " with the portal down; the heads query on it: %.1f ms",
                    backlog, records, progress, dossiers, made, makeSeconds, heads);
            JsonNode before = emulator.stats();

            emulator.mode(false, 0);
            long up = System.nanoTime();
            Latencies draining = new Latencies();
            ExecutorService filer = Executors.newSingleThreadExecutor();
            double drainSeconds;
            double filingSeconds;
            try {
                Future<Double> filed = filer.submit(() -> {
                    filings(n, draining);
                    return (System.nanoTime() - up) / 1e9;
                });
                drainSeconds =
                        await(db, "select count(*) from portal_sync where status = 'PENDING' and id <= " + lastId, up);
                filingSeconds = filed.get();
            } finally {
                filer.shutdownNow();
            }
            double b = n / filingSeconds;
            double allSent = await(db, "select count(*) from portal_sync where status = 'PENDING'", up);
            JsonNode after = emulator.stats();
            // (a) again, the queue empty again: a baseline as warm as (b), bracketing it
            Latencies afterwards = new Latencies();
            long c0 = System.nanoTime();
            filings(n, afterwards);
            double c = n / ((System.nanoTime() - c0) / 1e9);
            settle(db, "the second baseline's rows");
            Benchmark.log("portal: (a) again after the drain, queue empty: %.2f/s", c);
            Benchmark.log(
                    "portal: backlog drained in %.1f s (%.1f events/s), all sent after %.1f s; (b) %d filings"
                            + " meanwhile: %.2f/s, b/a %.3f",
                    drainSeconds, backlog / drainSeconds, allSent, n, b, b / Math.max(a, c));

            Set<String> onPortal = new HashSet<>();
            emulator.records()
                    .forEach(r -> onPortal.add(r.path("record").path("MaHoSo").asText()));
            List<String> missing = codes.stream()
                    .filter(code -> !onPortal.contains(code))
                    .sorted()
                    .toList();
            Map<String, Long> calls = new LinkedHashMap<>();
            after.path("calls").properties().forEach(call -> {
                long delta = call.getValue().asLong()
                        - before.path("calls").path(call.getKey()).asLong();
                if (delta > 0) {
                    calls.put(call.getKey(), delta);
                }
            });
            Run run = new Run(
                    n,
                    a,
                    baseline.millis(Lifecycle.FILE, .5),
                    c,
                    afterwards.millis(Lifecycle.FILE, .5),
                    b,
                    draining.millis(Lifecycle.FILE, .5),
                    filingSeconds,
                    backlog,
                    records,
                    progress,
                    dossiers,
                    made,
                    makeSeconds,
                    heads,
                    drainSeconds,
                    allSent,
                    backlogStatuses(db, lastId, codes),
                    calls,
                    delta(before, after, "records"),
                    delta(before, after, "recordVersions"),
                    delta(before, after, "progress"),
                    delta(before, after, "duplicates"),
                    delta(before, after, "refusedItems"),
                    codes.size() - missing.size(),
                    missing);
            report.portal(run);
            check(run, codes.size());
        }
    }

    /** The phase fails (and the run with it) when the backlog did not all reach the portal, once each. */
    private static void check(Run run, int backlogDossiers) {
        List<String> wrong = new ArrayList<>();
        if (run.backlog() < 1) {
            wrong.add("no backlog was made");
        }
        if (!run.missing().isEmpty()) {
            wrong.add(run.missing().size() + " of the backlog's " + backlogDossiers
                    + " dossiers are not on the portal, e.g. "
                    + run.missing().subList(0, Math.min(5, run.missing().size())));
        }
        if (run.duplicates() != 0) {
            wrong.add("the portal counted " + run.duplicates() + " duplicate progress items");
        }
        long notSent = run.backlogAfter().entrySet().stream()
                .filter(e -> !e.getKey().equals("SENT"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (notSent != 0) {
            wrong.add("rows of the backlog not SENT: " + run.backlogAfter());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The portal backlog check failed: " + String.join("; ", wrong));
        }
    }

    /** Files {@code n} dossiers over HTTP on the harness's client threads. */
    private void filings(int n, Latencies latencies) throws Exception {
        AtomicInteger left = new AtomicInteger(n);
        parallel(() -> {
            while (left.getAndDecrement() > 0) {
                product.fileAlone(latencies);
            }
        });
    }

    /**
     * Dossiers filed and walked through {@link #BACKLOG_STEPS} over HTTP until at least {@code portalBacklog} rows are
     * PENDING; the first alone, to learn how many rows one makes. Answers the number of dossiers.
     */
    private int makeBacklog(Connection db) throws Exception {
        int target = settings.portalBacklog();
        long start = pending(db);
        walk();
        int made = 1;
        long perDossier = Math.max(1, pending(db) - start);
        Benchmark.log(
                "portal: one backlog dossier (filing + %d steps) queues %d rows", BACKLOG_STEPS.size(), perDossier);
        while (pending(db) < target) {
            long needed = (target - pending(db) + perDossier - 1) / perDossier;
            AtomicInteger left = new AtomicInteger((int) needed);
            parallel(() -> {
                while (left.getAndDecrement() > 0) {
                    walk();
                }
            });
            made += (int) needed;
            Benchmark.log("portal: %d backlog dossiers, %d rows PENDING", made, pending(db));
        }
        return made;
    }

    private void walk() {
        Latencies ignored = new Latencies();
        String code = product.fileAlone(ignored);
        BACKLOG_STEPS.forEach(step -> product.complete(code, step, ignored));
    }

    interface Work {
        void run() throws Exception;
    }

    private void parallel(Work work) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                running.add(clients.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until nothing is PENDING (rows of earlier work sent), so that a measurement starts from an empty queue. */
    private void settle(Connection db, String what) throws Exception {
        double seconds = await(
                db, "select count(*) from portal_sync where status = 'PENDING'", System.nanoTime(), SETTLE_TIMEOUT);
        Benchmark.log("portal: %s sent within %.1f s", what, seconds);
    }

    private static double await(Connection db, String count, long since) throws Exception {
        return await(db, count, since, DRAIN_TIMEOUT);
    }

    /** Seconds from {@code since} until {@code count} answers 0, checked every 50 ms. */
    private static double await(Connection db, String count, long since, Duration timeout) throws Exception {
        long deadline = since + timeout.toNanos();
        while (scalar(db, count) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "still " + scalar(db, count) + " rows PENDING after " + timeout + " (" + count + ")");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    /** The heads query of the sync on the whole backlog: median of 5 runs, ms. */
    private static double headsMillis(Connection db) throws SQLException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            try (PreparedStatement select = db.prepareStatement(HEADS)) {
                select.setInt(1, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
            }
            if (i > 0) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    /** How the rows of the backlog's dossiers, up to the backlog's last, ended: SENT, SKIPPED, PARKED, PENDING. */
    private static Map<String, Long> backlogStatuses(Connection db, long lastId, Set<String> codes)
            throws SQLException {
        Map<String, Long> statuses = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement(
                "select dossier_code, status, count(*) from portal_sync where id <= ? group by dossier_code, status")) {
            select.setLong(1, lastId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (codes.contains(rows.getString(1))) {
                        statuses.merge(rows.getString(2), rows.getLong(3), Long::sum);
                    }
                }
            }
        }
        return statuses;
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    private static long pending(Connection db) throws SQLException {
        return scalar(db, "select count(*) from portal_sync where status = 'PENDING'");
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
