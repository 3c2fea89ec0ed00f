package vn.motcua.installations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.motcua.Api;
import vn.motcua.FreshDatabase;
import vn.motcua.MotCuaApplication;

/**
 * A whole installation of the application as a separate operating-system process: {@code java -cp <the test JVM's
 * class path without the test classes> vn.motcua.MotCuaApplication}, profiles {@code mariadb} and {@code demo} (see
 * {@link #withoutDemo()}), a database schema of its
 * own (emptied before its first start), a free port of its own, its own agency configuration, output to
 * {@code target/installations/<name>.log}.
 *
 * <p>Configure it before {@link #start()} ({@link #property}, {@link #localAgencies}, {@link #peer}, {@link #models});
 * properties may be changed between a {@link #stop()} or {@link #kill9()} and the next start. {@link #restart()} keeps
 * the database and the port. Every installation still running when the test JVM ends is stopped.
 */
public final class Installation implements AutoCloseable {

    /** How long a start may take on a slow, busy machine (system property {@code installations.start-timeout-seconds}). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("installations.start-timeout-seconds", 300));

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private static final String DB_USER = env("MOTCUA_TEST_DB_USER", "motcua");
    private static final String DB_PASSWORD = env("MOTCUA_TEST_DB_PASSWORD", "motcua");
    private static final Set<Installation> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(i -> i.process.destroyForcibly()), "installations"));
    }

    private final String name;
    private final String database;
    private final int port;
    private final Path log;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> profiles = new ArrayList<>(List.of("mariadb", "demo"));
    private final List<String> extraModels = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;
    private boolean databaseReady;
    private int starts;

    private Installation(String name, String database) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("installation name: lower case letters, digits, '-': " + name);
        }
        this.name = name;
        this.database = database;
        this.port = freePort();
        this.log = directory().resolve(name + ".log");
        // as the integration tests' settings (application-it.yaml, not on the installation's class path)
        property("motcua.sla.warning-cron", "-");
        property("camunda.bpm.job-execution.wait-time-in-millis", "200");
        property("camunda.bpm.job-execution.max-wait", "1000");
        property("logging.level.org.camunda.bpm.engine.context", "warn");
        property("spring.jmx.enabled", "false");
    }

    /**
     * An installation named {@code name} on the database {@code <MOTCUA_TEST_DB><suffix>} (e.g. {@code motcua_test_h}
     * + {@code a}), so that two checkouts testing at once use different schemas.
     */
    public static Installation named(String name, String databaseSuffix) {
        return new Installation(name, env("MOTCUA_TEST_DB", "motcua_test") + databaseSuffix);
    }

    /**
     * Another node of the same installation: the same database as {@code first} (emptied only by {@code first}), a
     * port of its own. Start it after {@code first} has started, so that the schema is created once.
     */
    public static Installation nodeOf(Installation first, String name) {
        Installation node = new Installation(name, first.database);
        node.databaseReady = true;
        node.properties.clear();
        node.properties.putAll(first.properties);
        return node;
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    /** A Spring property of the installation ({@code --key=value}); {@code null} removes it. */
    public Installation property(String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        return this;
    }

    /**
     * An environment variable of the installation's process; {@code null} removes it. Naming {@code MOTCUA_DB_PASSWORD}
     * (even as null) stops the harness from passing its own database password on the command line.
     */
    public Installation environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Launches it and waits for the process to end by itself (a start that is refused); its exit status. Fails when it
     * is still running after {@link #START_TIMEOUT}.
     */
    public int runUntilExit() {
        launch();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not end by itself; log " + log + ":\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(this);
        return process.exitValue();
    }

    /** The agencies this installation serves, each signing with its own key pair (made here, see {@link #keyOf}). */
    public Installation localAgencies(String... agencyCodes) {
        for (String agency : agencyCodes) {
            AgencyKey key = keyOf(agency);
            property("motcua.interagency.keys[" + agency + "].id", key.id());
            property("motcua.interagency.keys[" + agency + "].private-key", key.privateKeyText());
        }
        return property("motcua.interagency.local-agencies", String.join(",", agencyCodes));
    }

    /** Another node of the same installation as {@code first}: its agencies, signing with the same key pairs. */
    public Installation signsLike(Installation first) {
        first.keys.forEach((agency, pairs) -> keys.put(agency, new ArrayList<>(pairs)));
        return localAgencies(
                first.properties.get("motcua.interagency.local-agencies").split(","));
    }

    /** Messages to {@code agencyCode} go to {@code peer} over HTTP; its public keys are that agency's keys there. */
    public Installation peer(String agencyCode, Installation peer) {
        property("motcua.interagency.peers[" + agencyCode + "].url", peer.baseUrl());
        List<AgencyKey> keys = peer.keysOf(agencyCode);
        for (int i = 0; i < keys.size() || properties.containsKey(publicKey(agencyCode, i) + ".id"); i++) {
            AgencyKey key = i < keys.size() ? keys.get(i) : null;
            property(publicKey(agencyCode, i) + ".id", key == null ? null : key.id());
            property(publicKey(agencyCode, i) + ".key", key == null ? null : key.publicKeyText());
            property(
                    publicKey(agencyCode, i) + ".accepted-until",
                    key == null || key.acceptedUntil() == null
                            ? null
                            : key.acceptedUntil().toString());
        }
        return this;
    }

    private static String publicKey(String agency, int index) {
        return "motcua.interagency.peers[" + agency + "].public-keys[" + index + "]";
    }

    /** One key pair of an agency served here; an old one is still accepted by peers until {@code acceptedUntil}. */
    public record AgencyKey(String id, java.security.KeyPair pair, Instant acceptedUntil) {

        String privateKeyText() {
            return java.util.Base64.getEncoder()
                    .encodeToString(pair.getPrivate().getEncoded());
        }

        public String publicKeyText() {
            return java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        }
    }

    private final Map<String, List<AgencyKey>> keys = new LinkedHashMap<>();

    /** The key an agency served here signs with now (made on first use). */
    public AgencyKey keyOf(String agency) {
        return keysOf(agency).get(0);
    }

    /** The agency's keys, the current one first, then the old ones still accepted. */
    public List<AgencyKey> keysOf(String agency) {
        return keys.computeIfAbsent(agency, code -> new ArrayList<>(List.of(newKey(code))));
    }

    /**
     * A new key pair for the agency from the next start; the old one stays accepted by peers until {@code until} (give
     * the peers this installation again with {@link #peer} and restart them).
     */
    public AgencyKey rotateKey(String agency, Instant until) {
        List<AgencyKey> current = keysOf(agency);
        AgencyKey old = current.remove(0);
        current.add(0, new AgencyKey(old.id(), old.pair(), until));
        current.add(0, newKey(agency));
        localAgencies(properties.get("motcua.interagency.local-agencies").split(","));
        return current.get(0);
    }

    private AgencyKey newKey(String agency) {
        try {
            return new AgencyKey(
                    name + "-" + agency + "-" + Long.toHexString(new java.security.SecureRandom().nextLong()),
                    java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                    null);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two installations that know each other: {@code a} serves {@code agencyA}, {@code b} serves {@code agencyB}. */
    public static void pair(Installation a, String agencyA, Installation b, String agencyB) {
        a.localAgencies(agencyA).peer(agencyB, b);
        b.localAgencies(agencyB).peer(agencyA, a);
    }

    /** As production runs: without profile {@code demo} (no demo catalogue, no demo users, secrets checked). */
    public Installation withoutDemo() {
        profiles.remove("demo");
        return this;
    }

    /**
     * Another node of the installation that owns this database: it does not empty the database at its first start
     * (start it after the first node, which creates the schema).
     */
    public Installation sharesDatabase() {
        databaseReady = true;
        return this;
    }

    /** Another Spring profile besides {@code mariadb} and {@code demo}. */
    public Installation profile(String profile) {
        profiles.add(profile);
        return this;
    }

    /**
     * More resources to deploy besides the models of {@code bpmn/} and {@code forms/}, as Spring resource patterns.
     * Test resources are not on the installation's class path: use {@link #testResources(String)}.
     */
    public Installation models(String... patterns) {
        extraModels.addAll(Arrays.asList(patterns));
        return this;
    }

    /** A pattern for files of {@code src/test/resources} (as compiled to target/test-classes), e.g. {@code x/*.bpmn}. */
    public static String testResources(String pattern) {
        return "file:" + testClassesDirectory().toAbsolutePath() + "/" + pattern;
    }

    // ---- life cycle ----------------------------------------------------------------------------------------------

    /** Starts the process (emptying the database before the very first start) and waits until it is healthy. */
    public Installation start() {
        launch();
        awaitHealthy();
        return this;
    }

    /** Starts all, at once (each with its own process), and waits until all are healthy. */
    public static void startAll(Installation... installations) {
        for (Installation installation : installations) {
            installation.launch();
        }
        for (Installation installation : installations) {
            installation.awaitHealthy();
        }
    }

    /** Graceful stop (SIGTERM, Spring's shutdown); forced only if it does not end within {@link #STOP_TIMEOUT}. */
    public void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(this);
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} (SIGKILL on Linux), then makes sure the process is gone: its
     * exit status is 137 (128 + SIGKILL) and {@code kill -0 <pid>} finds no such process.
     */
    public void kill9() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        long pid = process.pid();
        process.destroyForcibly();
        int status;
        try {
            status = process.waitFor();
            int probe = new ProcessBuilder("kill", "-0", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            if (probe == 0) {
                throw new IllegalStateException(name + " (pid " + pid + ") still exists after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status != 128 + 9) {
            throw new IllegalStateException(name + " ended with status " + status + ", not by SIGKILL");
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException(name + " (pid " + pid + ") is still alive after SIGKILL");
        }
        RUNNING.remove(this);
        note("killed with SIGKILL (pid " + pid + ")");
    }

    /** Stops it gracefully if it runs, and starts it again on the same database and port. */
    public Installation restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    // ---- access --------------------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public String database() {
        return database;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** A client of its HTTP API with the demo accounts (HTTP Basic). */
    public Api api() {
        return new Api(port);
    }

    /** Rows of a query on its database (works while it is down, too). */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c).toLowerCase(), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    /** An insert, update or delete on its database; the number of rows changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    /** The last lines of its log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl() + ", database " + database + (isAlive() ? ", pid " + process.pid() : "") + ")";
    }

    /**
     * For {@code @RegisterExtension}: when a test fails, the last lines of these installations' logs go to the test's
     * output (CI keeps that; {@code target/installations/} may be gone).
     */
    public static org.junit.jupiter.api.extension.TestWatcher logsOnFailure(Installation... installations) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                for (Installation installation : installations) {
                    System.err.println("---- last lines of " + installation + ", log " + installation.log() + "\n"
                            + installation.logTail(80));
                }
            }
        };
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        killLeftOver();
        if (!databaseReady) {
            FreshDatabase.recreate(database, DB_USER, DB_PASSWORD);
            databaseReady = true;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-Dmotcua.installation=" + name,
                "-cp",
                applicationClassPath(),
                MotCuaApplication.class.getName()));
        command.add("--server.port=" + port);
        command.add("--spring.profiles.active=" + String.join(",", profiles));
        command.add("--spring.datasource.url=" + jdbcUrl());
        // a property of its own (set or removed with property()) replaces these
        if (!properties.containsKey("spring.datasource.username")) {
            command.add("--spring.datasource.username=" + DB_USER);
        }
        if (!properties.containsKey("spring.datasource.password") && !environment.containsKey("MOTCUA_DB_PASSWORD")) {
            command.add("--spring.datasource.password=" + DB_PASSWORD);
        }
        if (!properties.containsKey("motcua.public-url")) {
            command.add("--motcua.public-url=" + baseUrl());
        }
        if (!extraModels.isEmpty()) {
            List<String> models = new ArrayList<>(standardModels());
            models.addAll(extraModels);
            command.add("--camunda.bpm.deployment-resource-pattern=" + String.join(",", models));
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            if (starts++ == 0) {
                Files.writeString(log, "");
            }
            note("start " + starts + ": "
                    + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size())));
            ProcessBuilder builder = new ProcessBuilder(command);
            environment.forEach((variable, value) -> {
                if (value == null) {
                    builder.environment().remove(variable);
                } else {
                    builder.environment().put(variable, value);
                }
            });
            process = builder.directory(directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            RUNNING.add(this);
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": could not start", e);
        }
    }

    private void awaitHealthy() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(10))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                RUNNING.remove(this);
                throw new IllegalStateException(name + " ended with status " + process.exitValue()
                        + " while starting; log " + log + ":\n" + logTail(60));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    note("healthy");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        process.destroyForcibly();
        RUNNING.remove(this);
        throw new IllegalStateException(
                name + " not healthy within " + START_TIMEOUT + "; log " + log + ":\n" + logTail(60));
    }

    /** A process of this installation left by an earlier test JVM that died without its shutdown hook. */
    private void killLeftOver() {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> leftOver = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains("-Dmotcua.installation=" + name + " "));
            leftOver.ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
            Files.delete(pidFile);
        } catch (IOException | NumberFormatException e) {
            // nothing to clean up
        }
    }

    private void note(String line) {
        try {
            Files.writeString(
                    log,
                    "==== [installations] " + Instant.now() + " " + name + ": " + line + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?nullDatabaseMeansCurrent=true";
    }

    private Path pidFile() {
        return directory().resolve(name + ".pid");
    }

    /**
     * The test JVM's class path without the test classes (whose Spring configuration and {@code application-it.yaml}
     * must not reach the application) and without Surefire's own jars.
     */
    static String applicationClassPath() {
        Path testClasses = testClassesDirectory().toAbsolutePath().normalize();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(testClasses))
                .filter(entry -> !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The deployment patterns of application.yaml, which a list given on the command line replaces. */
    static List<String> standardModels() {
        org.springframework.beans.factory.config.YamlPropertiesFactoryBean yaml =
                new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yaml"));
        java.util.Properties settings = yaml.getObject();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; settings.containsKey("camunda.bpm.deployment-resource-pattern[" + i + "]"); i++) {
            patterns.add(settings.getProperty("camunda.bpm.deployment-resource-pattern[" + i + "]"));
        }
        if (patterns.isEmpty()) {
            throw new IllegalStateException("application.yaml names no camunda.bpm.deployment-resource-pattern");
        }
        return patterns;
    }

    private static Path testClassesDirectory() {
        try {
            return Path.of(Installation.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("installations");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
