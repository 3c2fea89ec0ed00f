package vn.motcua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness runs end to end at tiny sizes and writes its table; no timing is asserted. It runs in a JVM of
 * its own, so that its engine never meets the engines of the other tests.
 */
class BenchmarkSmokeTests {

    @Test
    void runsBothLifecyclesSignsSeedsAndLoadsTrackingDrainsAPortalBacklogAndWritesTheTable(@TempDir Path dir)
            throws Exception {
        Path results = dir.resolve("results.md");
        Process harness = harness(
                dir,
                List.of(
                        "-Dbench.threads=2",
                        "-Dbench.warmupLifecycles=1",
                        "-Dbench.lifecycles=2",
                        "-Dbench.repetitions=1",
                        "-Dbench.sqlLifecycles=1",
                        "-Dbench.sizes=200,400",
                        "-Dbench.loadThreads=2",
                        "-Dbench.loadWarmupSeconds=0",
                        "-Dbench.loadSeconds=1",
                        "-Dbench.maxRequests=200",
                        "-Dbench.reportSizes=300",
                        "-Dbench.signingWarmup=1",
                        "-Dbench.signingRepetitions=2",
                        "-Dbench.portalFilings=5",
                        "-Dbench.portalBacklog=200",
                        "-Dbench.catalogueProcedures=300"));

        assertThat(harness.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(harness.exitValue())
                .as(Files.readString(dir.resolve("harness.log"), StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readString(results, StandardCharsets.UTF_8))
                .contains("| 1 | ", "b/a", "Task_ReturnResult", "whole lifecycle", "| 200 | 1 |", "| 400 | 1 |")
                .contains("Seeded to 400 dossiers")
                // issue 17's goals beside the ratios they judge
                .containsPattern("\\| \\*\\*median \\(min–max\\)\\*\\* \\| .* \\| ≥ 0\\.67 \\|")
                .containsPattern("(?m)^\\| Task_ReturnResult( \\| [^|]+){7} \\| < 250 \\|$")
                .contains("throughput ≥ 0.7, p99 ≤ 20 ms", "Goal: tracking throughput drops by at most 10.0%")
                .contains("## Report II.06a of a year", "| 300 | ", "statements on the reporting tables")
                .contains("## Signing", "**B-LT result: signature + seal**", "First signature in a fresh JVM")
                .doesNotContain("The signing phase failed")
                .contains("## Catalogue search: GET /api/procedures/search", "300 generated procedures imported")
                .containsPattern(
                        "(?m)^\\| 1 \\| \\d+ \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+ \\| \\d+\\.\\d \\| \\d+\\.\\d \\| \\d+\\.\\d{3} \\| \\d+\\.\\d \\| 0 / 0 \\|$")
                .containsPattern(
                        "\\| \\*\\*search / select throughput\\*\\* \\| \\*\\*\\d+\\.\\d{3} \\(.*\\)\\*\\* \\| ≥ 0\\.2 \\|")
                .contains("## National portal sync (DVCQG)", "National portal link (issue 15): on for the whole run")
                .containsPattern(
                        "\\| \\*\\*b/a\\*\\* \\(a: the better of the two\\) \\| \\*\\*\\d+\\.\\d{3}\\*\\* \\| ≥ 0\\.8 \\|")
                .containsPattern("\\| \\*\\*drain rate, events/s\\*\\* \\| \\*\\*\\d+\\.\\d\\*\\* \\| ≥ 16\\.7 \\|")
                .containsPattern("\\| backlog: PENDING rows when the portal came back \\| \\d{3,} \\(")
                .containsPattern("\\| backlog dossiers on the portal \\| (\\d+) of \\1 \\| all \\|")
                .containsPattern("\\| \\d+ / \\d+ / \\d+ / 0 / 0 \\| duplicates 0 \\|")
                .doesNotContain("The national portal phase failed")
                .doesNotContain("NaN |  NaN");
        assertThat(oursPerStep(Files.readString(results, StandardCharsets.UTF_8)))
                .as("statements our platform sends per step in the request's thread (issue 17); a change that adds or"
                        + " removes some on purpose moves this pin, with the reason in its commit")
                .isEqualTo(OURS_PER_STEP);
    }

    /** Pinned: the statements on our tables in each step's request (no timing: counts only, single-threaded). */
    static final java.util.Map<String, Long> OURS_PER_STEP = new java.util.LinkedHashMap<>();

    static {
        OURS_PER_STEP.put("file", 20L);
        OURS_PER_STEP.put("Task_CheckDossier", 26L);
        OURS_PER_STEP.put("Task_AssignDossier", 8L);
        OURS_PER_STEP.put("Task_AppraiseDossier", 8L);
        OURS_PER_STEP.put("Task_ReviewDossier", 8L);
        OURS_PER_STEP.put("Task_SignResult", 13L);
        OURS_PER_STEP.put("Task_IssueResult", 25L);
        OURS_PER_STEP.put("Task_ReturnResult", 12L);
        OURS_PER_STEP.put("tracking read", 1L);
    }

    private static java.util.Map<String, Long> oursPerStep(String results) {
        java.util.Map<String, Long> ours = new java.util.LinkedHashMap<>();
        String table = results.substring(results.indexOf("### (b) by source"));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| ([\\w ]+?) \\| (\\d+) \\| (\\d+) \\|")
                .matcher(table.substring(0, table.indexOf("**lifecycle steps**")));
        while (row.find()) {
            ours.put(row.group(1), Long.valueOf(row.group(3)));
        }
        return ours;
    }

    /**
     * Only the phases asked for run (the tables of the others are not written), and a phase that measures nothing
     * fails the run: here the catalogue search, given no second to measure in.
     */
    @Test
    void runsOnlyThePhasesAskedForAndFailsWhenOneMeasuresNothing(@TempDir Path dir) throws Exception {
        Process harness = harness(
                dir,
                List.of(
                        "-Dbench.phases=catalogue",
                        "-Dbench.catalogueProcedures=50",
                        "-Dbench.repetitions=1",
                        "-Dbench.loadThreads=1",
                        "-Dbench.loadWarmupSeconds=0",
                        "-Dbench.loadSeconds=0"));

        assertThat(harness.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("harness.log"), StandardCharsets.UTF_8);
        assertThat(harness.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("the catalogue search measured nothing");
        assertThat(log).doesNotContain("warm-up: ", "seeded ");
    }

    private static Process harness(Path dir, List<String> properties) throws Exception {
        String database = "motcua_test_bench_smoke_"
                + System.getenv().getOrDefault("MOTCUA_TEST_DB", "motcua_test").replaceAll("\\W", "");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dbench.database=" + database,
                "-Dbench.output=" + dir.resolve("results.md")));
        command.addAll(properties);
        command.addAll(List.of("-cp", testClasspath(), Benchmark.class.getName()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("harness.log").toFile())
                .start();
    }

    /** Surefire's class path without its booter jar, whose manifest would list every entry a second time. */
    private static String testClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("surefire"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
