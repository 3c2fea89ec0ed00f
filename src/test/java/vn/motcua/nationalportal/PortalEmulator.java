package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The national portal emulator ({@code vn.motcua.nationalportal.emulator.NationalPortalEmulator}) as a separate
 * operating-system process for a test: {@code java -cp <the test JVM's class path without the test classes>}, on a free
 * port of loopback that it keeps across {@link #stop()}/{@link #kill9()} and the next {@link #start()}, output appended
 * to {@code target/national-portal/<name>.log}. Built with {@link #named(String)}, then the options, then
 * {@link Builder#start()}; helpers call its control API. Every emulator still running when the test JVM ends is killed.
 */
public final class PortalEmulator implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<PortalEmulator> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> RUNNING.forEach(emulator -> emulator.process.destroyForcibly()), "national-portal"));
    }

    private final String name;
    private final List<String> options;
    private final Path log;
    private final Path portFile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int port;
    private Process process;

    private PortalEmulator(String name, List<String> options) {
        this.name = name;
        this.options = List.copyOf(options);
        this.log = directory().resolve(name + ".log");
        this.portFile = directory().resolve(name + ".port");
    }

    /** An emulator named for its log file, with the defaults of the emulator until an option says otherwise. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Options as the emulator's {@code key=value} arguments. */
    public static final class Builder {
        private final String name;
        private final List<String> options = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder username(String username) {
            return option("username", username);
        }

        public Builder password(String password) {
            return option("password", password);
        }

        public Builder agencies(String... codes) {
            return option("agencies", String.join(",", codes));
        }

        public Builder pushUrl(URI url) {
            return option("push-url", url.toString());
        }

        public Builder pushToken(String token) {
            return option("push-token", token);
        }

        public Builder sessionTtl(Duration ttl) {
            return option("session-ttl-seconds", Long.toString(ttl.toSeconds()));
        }

        public Builder catalogue(Path file) {
            return option("catalogue", file.toAbsolutePath().toString());
        }

        public PortalEmulator start() {
            PortalEmulator emulator = new PortalEmulator(name, options);
            emulator.start();
            return emulator;
        }

        private Builder option(String key, String value) {
            options.add(key + "=" + value);
            return this;
        }
    }

    /** Starts the process (again, on the same port after the first start) and waits until it listens. */
    public void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                applicationClassPath(),
                "vn.motcua.nationalportal.emulator.NationalPortalEmulator",
                "port=" + port,
                "port-file=" + portFile.toAbsolutePath()));
        command.addAll(options);
        try {
            Files.createDirectories(directory());
            Files.deleteIfExists(portFile);
            Files.writeString(
                    log,
                    "==== " + Instant.now() + " start: " + String.join(" ", command.subList(3, command.size())) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            RUNNING.add(this);
            port = awaitPort();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": could not start", e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}: the adapter is under {@code /adapter/}. */
    public URI url() {
        if (port == 0) {
            throw new IllegalStateException(name + " has not started yet");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** A graceful stop (SIGTERM). */
    public void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(this);
    }

    /** {@code kill -9}; returns once the process is gone (exit status 137). */
    public void kill9() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        process.destroyForcibly();
        try {
            int status = process.waitFor();
            if (status != 128 + 9) {
                throw new IllegalStateException(name + " ended with status " + status + ", not by SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            RUNNING.remove(this);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code POST /control/mode}: the answer is the current mode. */
    public JsonNode mode(boolean down, long delayMs) {
        return post("/control/mode", Map.of("down", down, "delayMs", delayMs));
    }

    /** Forgets every session now: the client's next call is answered "01". */
    public JsonNode expireSessions() {
        return post("/control/mode", Map.of("expireSessions", true));
    }

    /** Every record and progress item for that dossier is refused with this message until cleared. */
    public JsonNode refuse(String maHoSo, String message) {
        return post("/control/refuse", Map.of("MaHoSo", maHoSo, "message", message));
    }

    public JsonNode clearRefusal(String maHoSo) {
        return post("/control/refuse", Map.of("MaHoSo", maHoSo, "clear", true));
    }

    /** {@code [{"record":…,"versions":n,"statuses":[…],"acceptedAt":…}]}. */
    public JsonNode records() {
        return get("/control/records").orElseThrow();
    }

    public Optional<JsonNode> record(String maHoSo) {
        return get("/control/records/" + encode(maHoSo));
    }

    /** The distinct progress items accepted for that dossier, in arrival order. */
    public JsonNode progress(String maHoSo) {
        return get("/control/progress?MaHoSo=" + encode(maHoSo)).orElseThrow();
    }

    public JsonNode progress() {
        return get("/control/progress").orElseThrow();
    }

    public JsonNode stats() {
        return get("/control/stats").orElseThrow();
    }

    /** Files a dossier on the portal as a citizen would; the answer is the stored dossier (with its MaHoSoQG). */
    public JsonNode fileDossier(Object dossier) {
        return post("/control/dossiers", dossier);
    }

    /** {@code [{"dossier":…,"confirmedAs":…|null}]}. */
    public JsonNode dossiers() {
        return get("/control/dossiers").orElseThrow();
    }

    /** Replaces the national catalogue with these procedures (a JSON array, as text or as a tree). */
    public JsonNode catalogue(Object procedures) {
        return post("/control/catalogue", procedures instanceof String text ? read(text) : procedures);
    }

    public JsonNode reset() {
        return post("/control/reset", Map.of());
    }

    private JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(url().resolve(path))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))))
                    .orElseThrow(() -> new IllegalStateException(name + ": no " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonNode> get(String path) {
        return send(HttpRequest.newBuilder(url().resolve(path)).GET());
    }

    /** The answer's JSON; empty for a 404, an exception for any other status than 200. */
    private Optional<JsonNode> send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int awaitPort() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                RUNNING.remove(this);
                throw new IllegalStateException(name + " did not start within " + START_TIMEOUT + "; log " + log + ":\n"
                        + Files.readString(log));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Integer.parseInt(Files.readString(portFile).strip());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The test JVM's class path without the test classes and Surefire's own jars. */
    private static String applicationClassPath() {
        Path testClasses = testClassesDirectory();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(testClasses))
                .filter(entry -> !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path testClassesDirectory() {
        try {
            return Path.of(PortalEmulator.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("national-portal");
    }
}
