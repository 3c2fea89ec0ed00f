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
        int catalogueProcedures) {

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
                Integer.getInteger("bench.loadWarmupSeconds", 5),
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
                Integer.getInteger("bench.catalogueProcedures", 2000));
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
