package vn.motcua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Collects the measurements and renders them as one Markdown document. */
final class Report {

    record LifecycleRun(int repetition, double bare, double product) {}

    record TrackingRun(int size, int repetition, LoadGenerator.Result tracking, LoadGenerator.Result raw) {}

    record Seeding(int size, long rows, double seconds, String tableSizes) {}

    private final Settings settings;
    private final Map<String, Double> startups = new LinkedHashMap<>();
    private final Map<String, Long> heaps = new LinkedHashMap<>();
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    /** Issue 17's goals, printed beside the ratios they judge. */
    static final double GOAL_LIFECYCLE_RATIO = 0.67;

    static final double GOAL_STEP_P99_MILLIS = 250;
    static final double GOAL_TRACKING_RATIO = 0.7;
    static final double GOAL_TRACKING_P99_MILLIS = 20;
    static final double GOAL_TRACKING_FLAT = 0.10;
    static final double GOAL_OURS_PER_ENGINE = 0.30;

    private final List<LifecycleRun> lifecycleRuns = new ArrayList<>();
    private final Map<String, Map<String, SqlProbe.Count>> sql = new LinkedHashMap<>();
    private final List<Seeding> seedings = new ArrayList<>();
    private final List<TrackingRun> trackingRuns = new ArrayList<>();
    private final List<ReportRun> reportRuns = new ArrayList<>();
    private final Map<String, Double> reportingStatements = new java.util.TreeMap<>();

    record ReportRun(int size, double seedSeconds, double recountSeconds, double plainMillis, double productMillis) {}

    private final Latencies signing = new Latencies();
    private final List<SigningBench.First> firstSignatures = new ArrayList<>();
    private String signingFailure;
    private PortalBench.Run portalRun;
    private String portalFailure;
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private CatalogueBench.Measured catalogue;

    Report(Settings settings) {
        this.settings = settings;
    }

    private int filingRetries;

    void filingRetries(int retries) {
        filingRetries = retries;
    }

    void startup(String what, double millis) {
        startups.put(what, millis);
    }

    void heap(String when, long bytes) {
        heaps.put(when, bytes);
    }

    Latencies latencies(String side) {
        return latencies.computeIfAbsent(side, s -> new Latencies());
    }

    void lifecycleRun(int repetition, double bare, double product) {
        lifecycleRuns.add(new LifecycleRun(repetition, bare, product));
    }

    void sql(String side, Map<String, SqlProbe.Count> counts) {
        sql.put(side, counts);
    }

    /** Statements on the reporting tables per lifecycle (the read model's listeners, after each step's commit). */
    void reportingStatements(String side, double perLifecycle) {
        reportingStatements.put(side, perLifecycle);
    }

    void seeded(int size, long rows, double seconds, String tableSizes) {
        seedings.add(new Seeding(size, rows, seconds, tableSizes));
    }

    void trackingRun(int size, int repetition, LoadGenerator.Result tracking, LoadGenerator.Result raw) {
        trackingRuns.add(new TrackingRun(size, repetition, tracking, raw));
    }

    List<LifecycleRun> lifecycleRuns() {
        return lifecycleRuns;
    }

    List<TrackingRun> trackingRuns() {
        return trackingRuns;
    }

    void reportRun(int size, double seedSeconds, double recountSeconds, double plainMillis, double productMillis) {
        reportRuns.add(new ReportRun(size, seedSeconds, recountSeconds, plainMillis, productMillis));
    }

    /** The signing phase's samples, by what was timed. */
    Latencies signing() {
        return signing;
    }

    void firstSignature(SigningBench.First first) {
        firstSignatures.add(first);
    }

    /** The size in bytes of a result of the signing phase: unsigned, B-T, B-LT. */
    void signedSize(String what, long bytes) {
        sizes.put(what, bytes);
    }

    void signingFailed(String reason) {
        signingFailure = reason;
    }

    void portal(PortalBench.Run run) {
        portalRun = run;
    }

    void portalFailed(String reason) {
        portalFailure = reason;
    }

    /** The national portal phase ran to its end and its checks passed. */
    void catalogue(CatalogueBench.Measured measured) {
        catalogue = measured;
    }

    boolean lifecycleMeasured() {
        return !lifecycleRuns.isEmpty() && !sql.isEmpty();
    }

    boolean trackingMeasured() {
        return !trackingRuns.isEmpty();
    }

    boolean reportMeasured() {
        return !reportRuns.isEmpty();
    }

    boolean catalogueMeasured() {
        return catalogue != null && !catalogue.runs().isEmpty();
    }

    boolean portalMeasured() {
        return portalFailure == null && portalRun != null;
    }

    /** The signing phase ran to its end: warmed samples and both fresh JVMs. */
    boolean signingMeasured() {
        return signingFailure == null
                && signing.count(SigningBench.DRAFT) > 0
                && firstSignatures.size() == SigningBench.LEVELS.length;
    }

    void write() throws IOException {
        Benchmark.ensureDirectory(settings.output());
        Files.writeString(settings.output(), markdown(), StandardCharsets.UTF_8);
        Benchmark.log("results written to %s", settings.output().toAbsolutePath());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Một Cửa benchmark\n\n");
        machine(md);
        if (settings.runs("lifecycle")) {
            lifecycle(md);
            steps(md);
            sqlTable(md);
        }
        if (settings.runs("signing")) {
            signingTable(md);
        }
        if (settings.runs("tracking")) {
            trackingTable(md);
        }
        if (settings.runs("report")) {
            reportTable(md);
        }
        if (catalogue != null) {
            CatalogueBench.table(md, catalogue);
        }
        if (settings.runs("portal")) {
            portalTable(md);
        }
        startupAndHeap(md);
        return md.toString();
    }

    private void machine(StringBuilder md) {
        md.append("## Machine and settings\n\n")
                .append("- CPU: ")
                .append(cpu())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" processors; memory ")
                .append(memTotal())
                .append("; Java ")
                .append(System.getProperty("java.version"))
                .append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20)
                .append(" MB\n- MariaDB: ")
                .append(mariadb())
                .append("\n- Lifecycles: ")
                .append(settings.threads())
                .append(" client threads on both sides, ")
                .append(settings.warmupLifecycles())
                .append(" warm-up then ")
                .append(settings.lifecycles())
                .append(" lifecycles per side per repetition, ")
                .append(settings.repetitions())
                .append(" repetitions, a and b interleaved\n- Tracking: ")
                .append(settings.loadThreads())
                .append(" client threads, ")
                .append(settings.loadWarmupSeconds())
                .append(" s warm-up then ")
                .append(settings.loadSeconds())
                .append(" s per measurement (max ")
                .append(settings.maxRequests())
                .append(" requests), loopback\n- National portal link (issue 15): on for the whole run of (b), as")
                .append(" in production (each filing and step queues its portal rows in its own transaction; the sync")
                .append(" sends them every ")
                .append(PortalBench.POLL.substring(2).toLowerCase(Locale.ROOT))
                .append(", ")
                .append(PortalBench.BATCH)
                .append(" a call), to the portal's emulator, a process of its own on this machine, up except in the")
                .append(" portal phase's outage; (a) has no link\n\n");
    }

    private void lifecycle(StringBuilder md) {
        md.append("## Lifecycle: file + 7 user tasks (1.009994.H43 on standard_procedure)\n\n")
                .append(
                        "| Repetition | (a) bare engine, lifecycles/s | (b) product over HTTP, lifecycles/s | b/a | goal |\n")
                .append("|---|---|---|---|---|\n");
        List<Double> ratios = new ArrayList<>();
        for (LifecycleRun run : lifecycleRuns) {
            ratios.add(run.product() / run.bare());
            md.append(
                    row("" + run.repetition(), f2(run.bare()), f2(run.product()), f3(run.product() / run.bare()), ""));
        }
        if (!lifecycleRuns.isEmpty()) {
            md.append(row(
                    "**median (min–max)**",
                    spread(lifecycleRuns.stream().map(LifecycleRun::bare).toList(), 2),
                    spread(lifecycleRuns.stream().map(LifecycleRun::product).toList(), 2),
                    "**" + spread(ratios, 3) + "**",
                    "≥ " + f2(GOAL_LIFECYCLE_RATIO)));
        }
        md.append("\nEach step of (b) as its official's client sends it: ")
                .append(
                        Product.ONE_CALL
                                ? "one call, POST /api/officials/dossiers/{code}/tasks/{taskKey}/complete"
                                        + " (-Dbench.oneCall=true)"
                                : "three engine REST calls, list the dossier's tasks, claim, complete (as Tasklist;"
                                        + " -Dbench.oneCall=true sends the one call instead)")
                .append(".\n");
        md.append(
                        "\nFilings and task steps of (b) that answered 500 and were retried by the client (counted in the latencies): ")
                .append(filingRetries)
                .append("\n\n");
    }

    private void steps(StringBuilder md) {
        md.append("## Latency per step, ms (all repetitions; (b) task steps = list by business key + claim +"
                        + " complete over /engine-rest)\n\n")
                .append(
                        "| Step | (a) p50 | (a) p95 | (a) p99 | (b) p50 | (b) p95 | (b) p99 | b/a p50 | goal (b) p99 |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        Latencies a = latencies("(a)");
        Latencies b = latencies("(b)");
        List<String> names = new ArrayList<>(Lifecycle.stepNames());
        names.add(Lifecycle.TRACK);
        for (String step : names) {
            md.append(row(
                    step,
                    f1(a.millis(step, .5)),
                    f1(a.millis(step, .95)),
                    f1(a.millis(step, .99)),
                    f1(b.millis(step, .5)),
                    f1(b.millis(step, .95)),
                    f1(b.millis(step, .99)),
                    f2(b.millis(step, .5) / a.millis(step, .5)),
                    step.equals(Lifecycle.TRACK) ? "" : "< " + f0(GOAL_STEP_P99_MILLIS)));
        }
        md.append('\n');
    }

    private void sqlTable(StringBuilder md) {
        md.append("## SQL statements per step (single-threaded; driver: exact, select/insert/update/delete/other;"
                        + " server: MariaDB global Com_select+insert+update+delete delta, whole server, min of ")
                .append(settings.sqlLifecycles())
                .append(" lifecycles)\n\n")
                .append("| Step | (a) driver | (a) total | (a) server | (b) driver | (b) total | (b) server |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Map<String, SqlProbe.Count> a = sql.getOrDefault("(a)", Map.of());
        Map<String, SqlProbe.Count> b = sql.getOrDefault("(b)", Map.of());
        List<String> names = new ArrayList<>(Lifecycle.stepNames());
        names.add(Lifecycle.TRACK);
        long[] totals = new long[4];
        for (String step : names) {
            SqlProbe.Count ca = a.get(step);
            SqlProbe.Count cb = b.get(step);
            long tracks = step.equals(Lifecycle.TRACK) ? 8 : 1;
            if (ca != null) {
                totals[0] += ca.driverTotal() * tracks;
                totals[1] += ca.server() * tracks;
            }
            if (cb != null) {
                totals[2] += cb.driverTotal() * tracks;
                totals[3] += cb.server() * tracks;
            }
            md.append(row(
                    step,
                    ca == null ? "–" : verbs(ca),
                    ca == null ? "–" : "" + ca.driverTotal(),
                    ca == null ? "–" : "" + ca.server(),
                    cb == null ? "–" : verbs(cb),
                    cb == null ? "–" : "" + cb.driverTotal(),
                    cb == null ? "–" : "" + cb.server()));
        }
        md.append(row(
                        "**whole lifecycle** (tracking ×8)",
                        "",
                        "**" + totals[0] + "**",
                        "" + totals[1],
                        "",
                        "**" + totals[2] + "**",
                        "" + totals[3]))
                .append('\n');
        sourcesTable(md, b, names);
        Double reporting = reportingStatements.get("(b)");
        if (reporting != null) {
            md.append("Of (b), statements on the reporting tables (the II.06a read model and its day counters, written")
                    .append(" by listeners after each step's commit, outside the steps' windows): ")
                    .append(f1(reporting))
                    .append(" per lifecycle, ")
                    .append(f1(reporting / Lifecycle.stepNames().size()))
                    .append(" per step; the bare engine's steps: ")
                    .append(f1((double) totals[0] / Lifecycle.stepNames().size()))
                    .append(" statements each.\n\n");
        }
    }

    /** (b)'s statements in the request thread, on the engine's tables and on ours, with issue 17's goal for ours. */
    private static void sourcesTable(StringBuilder md, Map<String, SqlProbe.Count> b, List<String> names) {
        if (b.isEmpty()) {
            return;
        }
        md.append("### (b) by source, in the request's thread (engine: statements on ACT_ tables; ours: every other;")
                .append(" listeners after the commit and jobs run in other threads)\n\n")
                .append("| Step | engine | ours | ours / engine | goal |\n|---|---|---|---|---|\n");
        long engine = 0;
        long ours = 0;
        for (String step : names) {
            SqlProbe.Count count = b.get(step);
            if (count == null) {
                continue;
            }
            StatementCounter.Sources sources = count.sources();
            if (!step.equals(Lifecycle.TRACK)) {
                engine += sources.engine();
                ours += sources.ours();
            }
            md.append(row(
                    step,
                    "" + sources.engine(),
                    "" + sources.ours(),
                    sources.engine() == 0 ? "–" : f3((double) sources.ours() / sources.engine()),
                    ""));
        }
        md.append(row(
                        "**lifecycle steps** (filing + 7 tasks)",
                        "**" + engine + "**",
                        "**" + ours + "**",
                        "**" + (engine == 0 ? "–" : f3((double) ours / engine)) + "**",
                        "≤ " + f2(GOAL_OURS_PER_ENGINE)))
                .append('\n');
    }

    private void signingTable(StringBuilder md) {
        md.append("## Signing: one house-permit result (chairman's signature + ward's seal) vs writing it unsigned\n\n")
                .append(
                        "Single thread, the product's beans (in this JVM, after the lifecycles), RSA 2048 PKCS#12 key files of")
                .append(" the test CA, its RFC 3161 TSA, CRL and OCSP over HTTP on localhost (served by this JVM); ")
                .append(settings.signingWarmup())
                .append(" warm-up then ")
                .append(signing.count(SigningBench.DRAFT))
                .append(
                        " measured repetitions, each: write the unsigned result (ResultDocuments, the baseline), sign and")
                .append(
                        " seal it at B-T, then at B-LT, validate both results (PdfVerifier; each must pass at its level).")
                .append(" No official goal: report only.\n\n");
        if (signingFailure != null) {
            md.append("**The signing phase failed:** ").append(signingFailure).append("\n\n");
        }
        md.append("| What | median ms | p95 ms | median / baseline median | p95 / baseline p95 | goal |\n")
                .append("|---|---|---|---|---|---|\n");
        double base50 = signing.millis(SigningBench.DRAFT, .5);
        double base95 = signing.millis(SigningBench.DRAFT, .95);
        List<String> names = new ArrayList<>(List.of(SigningBench.DRAFT));
        for (String level : SigningBench.LEVELS) {
            names.add(level + " " + SigningBench.LEADER);
            names.add(level + " " + SigningBench.SEAL);
            names.add(level + " " + SigningBench.RESULT);
        }
        for (String level : SigningBench.LEVELS) {
            names.add(SigningBench.VERIFY + ", " + level);
        }
        for (String name : names) {
            boolean result = name.endsWith(SigningBench.RESULT);
            double p50 = signing.millis(name, .5);
            double p95 = signing.millis(name, .95);
            md.append(row(
                    result ? "**" + name + "**" : name,
                    f1(p50),
                    f1(p95),
                    result ? "**" + f1(p50 / base50) + "**" : f1(p50 / base50),
                    f1(p95 / base95),
                    name.equals(SigningBench.DRAFT) ? "–" : "report only"));
        }
        md.append(
                        "\nFirst signature in a fresh JVM (a process of its own, the same TSA/CRL/OCSP): the signer and the key")
                .append(" built as at start-up, then one chairman's signature on the same unsigned result, then its")
                .append(" validation.\n\n| Level | build signer + key ms | first signature ms | first / warmed median")
                .append(
                        " | first validation (one signature) ms | level found | goal |\n|---|---|---|---|---|---|---|\n");
        for (SigningBench.First first : firstSignatures) {
            double warmed = signing.millis(first.level() + " " + SigningBench.LEADER, .5);
            md.append(row(
                    first.level(),
                    f1(first.buildMillis()),
                    f1(first.signMillis()),
                    f1(first.signMillis() / warmed),
                    f1(first.verifyMillis()),
                    first.found(),
                    "report only"));
        }
        lifecycleShare(md);
    }

    /** Signing's share of a (b) lifecycle, from the step latencies and the warmed B-LT medians. */
    private void lifecycleShare(StringBuilder md) {
        Latencies b = latencies("(b)");
        String level = SigningBench.LEVELS[1];
        double signed = signing.millis(SigningBench.DRAFT, .5)
                + signing.millis(level + " " + SigningBench.LEADER, .5)
                + signing.millis(level + " " + SigningBench.SEAL, .5);
        double lifecycle = 0;
        for (String step : Lifecycle.stepNames()) {
            lifecycle += b.millis(step, .5);
        }
        lifecycle += 8 * b.millis(Lifecycle.TRACK, .5);
        double review = b.millis("Task_ReviewDossier", .5);
        double steps = b.millis("Task_SignResult", .5) - review + b.millis("Task_IssueResult", .5) - review;
        md.append("\nSigning in a lifecycle of (b), ")
                .append(f1(lifecycle))
                .append(" ms (sum of (b)'s step p50s with 8 tracking reads, ")
                .append(settings.threads())
                .append(" client threads). Alone, one thread: writing the result and its two B-LT signatures take ")
                .append(f1(signed))
                .append(" ms (medians above), ")
                .append(pct(signed / lifecycle).replace("+", ""))
                .append(". Under the lifecycles' load: the steps that sign, Task_SignResult p50 ")
                .append(f1(b.millis("Task_SignResult", .5)))
                .append(" ms and Task_IssueResult ")
                .append(f1(b.millis("Task_IssueResult", .5)))
                .append(" ms, take ")
                .append(f1(steps))
                .append(" ms more than twice Task_ReviewDossier (")
                .append(f1(review))
                .append(" ms, the same shape of step without signing): ")
                .append(pct(steps / lifecycle).replace("+", ""))
                .append(" of the lifecycle. Sizes: unsigned ")
                .append(sizes.getOrDefault("unsigned", 0L) >> 10)
                .append(" KB, the B-T result ")
                .append(sizes.getOrDefault("B-T", 0L) >> 10)
                .append(" KB, the B-LT result ")
                .append(sizes.getOrDefault("B-LT", 0L) >> 10)
                .append(" KB.\n\n");
    }

    private void trackingTable(StringBuilder md) {
        md.append("## Tracking: GET /api/tracking/{code} vs one raw JDBC point select (GET ")
                .append(BenchWiring.RAW_LOOKUP)
                .append("{code}), random existing codes\n\n");
        for (Seeding seeding : seedings) {
            md.append("- Seeded to ")
                    .append(seeding.size())
                    .append(" dossiers: ")
                    .append(seeding.rows())
                    .append(" rows bulk-loaded in ")
                    .append(f1(seeding.seconds()))
                    .append(" s (")
                    .append(seeding.tableSizes())
                    .append(")\n");
        }
        md.append(
                        "\n| Dossiers | Repetition | tracking req/s | tracking p50 ms | tracking p99 ms | raw req/s | raw p99 ms"
                                + " | tracking/raw throughput | errors | goal |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<Integer, List<TrackingRun>> bySize = new TreeMap<>();
        trackingRuns.forEach(run ->
                bySize.computeIfAbsent(run.size(), s -> new ArrayList<>()).add(run));
        Map<Integer, double[]> medians = new TreeMap<>();
        bySize.forEach((size, runs) -> {
            for (TrackingRun run : runs) {
                md.append(row(
                        "" + size,
                        "" + run.repetition(),
                        f0(run.tracking().throughput()),
                        f1(run.tracking().p50()),
                        f1(run.tracking().p99()),
                        f0(run.raw().throughput()),
                        f1(run.raw().p99()),
                        f3(run.tracking().throughput() / run.raw().throughput()),
                        run.tracking().errors() + " / " + run.raw().errors(),
                        ""));
            }
            List<Double> t = runs.stream().map(r -> r.tracking().throughput()).toList();
            List<Double> tp99 = runs.stream().map(r -> r.tracking().p99()).toList();
            List<Double> r = runs.stream().map(x -> x.raw().throughput()).toList();
            List<Double> rp99 = runs.stream().map(x -> x.raw().p99()).toList();
            List<Double> ratio = runs.stream()
                    .map(x -> x.tracking().throughput() / x.raw().throughput())
                    .toList();
            md.append(row(
                    "**" + size + "**",
                    "median (min–max)",
                    spread(t, 0),
                    "",
                    spread(tp99, 1),
                    spread(r, 0),
                    spread(rp99, 1),
                    "**" + spread(ratio, 3) + "**",
                    "",
                    "throughput ≥ " + f1(GOAL_TRACKING_RATIO) + ", p99 ≤ " + f0(GOAL_TRACKING_P99_MILLIS) + " ms"));
            medians.put(size, new double[] {median(t), median(r), median(tp99), median(rp99)});
        });
        if (medians.size() >= 2) {
            List<Integer> sizes = new ArrayList<>(medians.keySet());
            double[] small = medians.get(sizes.get(0));
            double[] large = medians.get(sizes.get(sizes.size() - 1));
            md.append("\nFrom ")
                    .append(sizes.get(0))
                    .append(" to ")
                    .append(sizes.get(sizes.size() - 1))
                    .append(" dossiers (medians): tracking throughput ")
                    .append(pct(large[0] / small[0] - 1))
                    .append(", p99 ")
                    .append(f1(small[2]))
                    .append(" → ")
                    .append(f1(large[2]))
                    .append(" ms; raw select throughput ")
                    .append(pct(large[1] / small[1] - 1))
                    .append(", p99 ")
                    .append(f1(small[3]))
                    .append(" → ")
                    .append(f1(large[3]))
                    .append(" ms. Goal: tracking throughput drops by at most ")
                    .append(pct(GOAL_TRACKING_FLAT).replace("+", ""))
                    .append(".\n");
        }
        md.append('\n');
    }

    private void reportTable(StringBuilder md) {
        md.append(
                        "## Report II.06a of a year: GET /api/reports/ii06a vs one plain aggregate SQL over the same rows\n\n")
                .append("| Dossiers in the read model | rows written in s | counters made in s | plain SQL ms (median)")
                .append(" | product ms (median) | product/plain | goal |\n|---|---|---|---|---|---|---|\n");
        for (ReportRun run : reportRuns) {
            md.append("| ")
                    .append(run.size())
                    .append(" | ")
                    .append(f1(run.seedSeconds()))
                    .append(" | ")
                    .append(f1(run.recountSeconds()))
                    .append(" | ")
                    .append(f1(run.plainMillis()))
                    .append(" | ")
                    .append(f1(run.productMillis()))
                    .append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", run.productMillis() / run.plainMillis()))
                    .append(" | ")
                    .append(run.size() <= 20_000 ? "well under 100 ms" : run.size() >= 10_000_000 ? "under 1 s" : "–")
                    .append(" |\n");
        }
        md.append("\n");
    }

    private void portalTable(StringBuilder md) {
        md.append("## National portal sync (DVCQG): a backlog drained while filing goes on\n\n")
                .append("The product linked to the portal's emulator (poll ")
                .append(PortalBench.POLL.substring(2).toLowerCase(Locale.ROOT))
                .append(", batch ")
                .append(PortalBench.BATCH)
                .append(", backoff at most ")
                .append(PortalBench.BACKOFF_MAX.substring(2).toLowerCase(Locale.ROOT))
                .append("). After ")
                .append(Math.max(1, settings.portalFilings() / 2))
                .append(" warm-up filings, (a) ")
                .append(settings.portalFilings())
                .append(" filings over HTTP (")
                .append(settings.threads())
                .append(" client threads, no tracking read) with the queue empty and the sync running; then the")
                .append(" portal down and the backlog made by the product itself over HTTP: dossiers filed and walked")
                .append(" through ")
                .append(PortalBench.BACKLOG_STEPS.stream()
                        .map(Lifecycle.Step::taskKey)
                        .toList())
                .append(" until at least ")
                .append(settings.portalBacklog())
                .append(" rows of portal_sync are PENDING; then the portal up and, from that moment, (b) the same")
                .append(
                        " filings while the backlog drains; then (a) again, the queue empty again. Drained = no row of the backlog PENDING (the sync's wait")
                .append(" after the outage included). Goals: b/a ≥ ")
                .append(f1(PortalBench.RATIO_GOAL))
                .append(" (the sync is one background thread: a catch-up after an outage may take at most a fifth of")
                .append(" the filing rate); drain ≥ ")
                .append(f1(PortalBench.DRAIN_GOAL))
                .append(
                        " events/s (a backlog of 10,000 within 10 minutes, NĐ 63/2024's time for a liên thông sync).\n\n");
        if (portalFailure != null) {
            md.append("**The national portal phase failed:** ")
                    .append(portalFailure)
                    .append("\n\n");
        }
        PortalBench.Run run = portalRun;
        if (run == null) {
            return;
        }
        md.append("| What | Value | goal |\n|---|---|---|\n")
                .append(row(
                        "(a) filings/s, queue empty, sync running: before the outage / after the drain",
                        f2(run.baselineRate()) + " / " + f2(run.afterRate()) + " (filing p50 " + f1(run.baselineP50())
                                + " / " + f1(run.afterP50()) + " ms)",
                        "–"))
                .append(row(
                        "(b) filings/s while the backlog drains",
                        f2(run.drainingRate()) + " (filing p50 " + f1(run.drainingP50()) + " ms; "
                                + f0(run.overlap() * 100) + "% of the filings' time within the drain)",
                        "–"))
                .append(row(
                        "**b/a** (a: the better of the two)",
                        "**" + f3(run.ratio()) + "**",
                        "≥ " + f1(PortalBench.RATIO_GOAL)))
                .append(row(
                        "backlog: PENDING rows when the portal came back",
                        run.backlog() + " (" + run.backlogRecords() + " RECORD, " + run.backlogProgress()
                                + " PROGRESS) of " + run.backlogDossiers() + " dossiers; " + run.dossiersMade()
                                + " made in " + f1(run.makeSeconds()) + " s",
                        "≥ " + settings.portalBacklog()))
                .append(row(
                        "the sync's heads query on the whole backlog, ms (median of 5)", f1(run.headsMillis()), "–"))
                .append(row(
                        "time until no row of the backlog is PENDING, s",
                        f1(run.drainSeconds()) + " (every row, (b)'s too: " + f1(run.allSentSeconds()) + ")",
                        "≤ " + f0(run.backlog() / PortalBench.DRAIN_GOAL)))
                .append(row(
                        "**drain rate, events/s**",
                        "**" + f1(run.drainRate()) + "**",
                        "≥ " + f1(PortalBench.DRAIN_GOAL)))
                .append(row("portal calls during the drain", run.calls().toString(), "–"))
                .append(row(
                        "emulator during the drain: records / record versions / progress / duplicates / refused",
                        run.records() + " / " + run.recordVersions() + " / " + run.progress() + " / " + run.duplicates()
                                + " / " + run.refused(),
                        "duplicates 0"))
                .append(row(
                        "backlog dossiers on the portal",
                        run.dossiersOnPortal() + " of " + run.backlogDossiers(),
                        "all"))
                .append(row("the backlog's rows afterwards", run.backlogAfter().toString(), "all SENT"))
                .append('\n');
    }

    private void startupAndHeap(StringBuilder md) {
        md.append("## Start-up and heap\n\n| What | Value |\n|---|---|\n");
        startups.forEach((what, millis) -> md.append(row("start-up " + what, f0(millis) + " ms")));
        heaps.forEach((when, bytes) -> md.append(row("heap used after GC, " + when, (bytes >> 20) + " MB")));
        md.append('\n');
    }

    private static String verbs(SqlProbe.Count count) {
        StringBuilder text = new StringBuilder();
        count.driver()
                .values()
                .forEach(n -> text.append(text.isEmpty() ? "" : "/").append(n));
        return text.toString();
    }

    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String spread(List<Double> values, int decimals) {
        String format = "%." + decimals + "f";
        return String.format(Locale.ROOT, format, median(values)) + " ("
                + String.format(
                        Locale.ROOT,
                        format,
                        values.stream().mapToDouble(d -> d).min().orElse(0)) + "–"
                + String.format(
                        Locale.ROOT,
                        format,
                        values.stream().mapToDouble(d -> d).max().orElse(0)) + ")";
    }

    private static String pct(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal"))
                    .map(line -> (Long.parseLong(line.replaceAll("\\D", "")) >> 20) + " GB")
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String mariadb() {
        try (Connection connection =
                        DriverManager.getConnection(settings.jdbcUrl(""), settings.user(), settings.password());
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(
                        "select version(), @@innodb_buffer_pool_size >> 20, @@innodb_flush_log_at_trx_commit")) {
            row.next();
            return row.getString(1) + " on 127.0.0.1, innodb_buffer_pool_size " + row.getLong(2)
                    + " MB (shared with every other database on the server), innodb_flush_log_at_trx_commit "
                    + row.getInt(3) + "; engine: database type mysql, READ COMMITTED, history audit";
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
