package vn.motcua.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Benchmark sizes, from system properties {@code bench.*} (defaults: the full run). */
record Settings(
        int threads,
        int warmupLifecycles,
        int lifecycles,
        int repetitions,
        int sqlLifecycles,
        List<Integer> sizes,
        int loadThreads,
        int loadWarmupSeconds,
        int loadSeconds,
        long maxRequests,
        String database,
        Path output,
        List<Integer> reportSizes,
        int signingWarmup,
        int signingRepetitions,
        int portalFilings,
        int portalBacklog,
        int catalogueProcedures,
        List<String> phases) {

    /** Every phase, in the order a run takes them: {@code -Dbench.phases=catalogue,portal} runs some of them. */
    static final List<String> PHASES = List.of("lifecycle", "signing", "tracking", "report", "catalogue", "portal");

    static Settings fromSystemProperties() {
        return new Settings(
                Integer.getInteger("bench.threads", 4),
                Integer.getInteger("bench.warmupLifecycles", 20),
                Integer.getInteger("bench.lifecycles", 60),
                Integer.getInteger("bench.repetitions", 3),
                Integer.getInteger("bench.sqlLifecycles", 3),
                Arrays.stream(System.getProperty("bench.sizes", "100000,1000000")
                                .split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Integer.getInteger("bench.loadThreads", 8),
                Integer.getInteger("bench.loadWarmupSeconds", 45),
                Integer.getInteger("bench.loadSeconds", 15),
                Long.getLong("bench.maxRequests", 2_000_000L),
                System.getProperty("bench.database", "motcua_test_bench"),
                Path.of(System.getProperty("bench.output", "target/bench/results.md")),
                Arrays.stream(System.getProperty("bench.reportSizes", "19163,1000000")
                                .split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Integer.getInteger("bench.signingWarmup", 20),
                Integer.getInteger("bench.signingRepetitions", 200),
                Integer.getInteger("bench.portalFilings", 200),
                Integer.getInteger("bench.portalBacklog", 10_000),
                Integer.getInteger("bench.catalogueProcedures", 2000),
                phases(System.getProperty("bench.phases", String.join(",", PHASES))));
    }

    private static List<String> phases(String chosen) {
        List<String> phases = Arrays.stream(chosen.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
        if (phases.isEmpty() || !PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("bench.phases=" + chosen + ": choose among " + PHASES);
        }
        return phases;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    String jdbcUrl(String name) {
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?nullDatabaseMeansCurrent=true";
    }

    String user() {
        return System.getProperty("bench.dbUser", "motcua");
    }

    String password() {
        return System.getProperty("bench.dbPassword", "motcua");
    }
}
