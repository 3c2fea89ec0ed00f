package vn.motcua.installations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.motcua.Api;
import vn.motcua.keycloak.KeycloakServer;

/**
 * The production shape on one machine, once per test JVM and shared by the test classes: the test Keycloak, two nodes
 * ({@link Installation}s, profiles {@code mariadb,keycloak,demo}) on one schema, and HAProxy with the committed
 * {@code src/cluster/haproxy.cfg} on a free port. HAProxy connects to the nodes from {@link #PROXY_SOURCE}, the only
 * address whose {@code X-Forwarded-For} the nodes believe; a test can send from any other loopback address
 * ({@link #send}) to be a client of its own.
 */
final class Cluster {

    static final String PROXY_SOURCE = "127.0.0.2";
    /** Lookups of any kind allowed per client in the window (the production default is 600). */
    static final int MAX_LOOKUPS = 40;

    static final int MAX_MISSES = 10;
    /** The demo agencies (application.yaml), served by both nodes. */
    private static final String[] AGENCIES = {
        "000.20.43.H43", "000.61.43.H43", "000.62.00.H43", "000.00.12.H43", "000.00.01.H43"
    };

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static Cluster running;
    private static RuntimeException failed;

    final KeycloakServer keycloak;
    final Installation node1;
    final Installation node2;
    final int port;
    final int statsPort;
    final Path calendarFile;
    final Duration startup;
    private final Process haproxy;

    private Cluster() {
        Instant begin = Instant.now();
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("needs Debian's haproxy at " + HAPROXY + " (bash .ci/run installs it)");
        }
        keycloak = KeycloakServer.get();
        port = freePort();
        statsPort = freePort();
        calendarFile =
                Path.of("target", "installations", "cluster-calendar.tsv").toAbsolutePath();
        try (InputStream builtIn = getClass().getResourceAsStream("/calendar/public-sector.tsv")) {
            Files.createDirectories(calendarFile.getParent());
            Files.write(calendarFile, builtIn.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node1 = node("cluster-1");
        // both nodes are one installation: the same agencies, signing with the same keys
        node2 = node("cluster-2").sharesDatabase().signsLike(node1);
        // one after the other: the first creates the schema (engine, Flyway), the second finds it
        node1.start();
        node2.start();
        haproxy = startHaproxy();
        awaitState("n1", "UP", Duration.ofSeconds(30));
        awaitState("n2", "UP", Duration.ofSeconds(30));
        startup = Duration.between(begin, Instant.now());
        System.out.println("[measured] cluster (Keycloak, 2 nodes, HAProxy) started in " + startup.toSeconds() + " s");
    }

    static synchronized Cluster get() {
        // a cluster that failed to start is not started again by the next test class (its processes may still run)
        if (failed != null) {
            throw failed;
        }
        if (running == null) {
            try {
                running = new Cluster();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return running;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** A client of the load balancer, with bearer tokens of the realm's users (password "demo"). */
    Api api() {
        return new Api(port, user -> "Bearer " + keycloak.token(user));
    }

    /** A client of one node directly. */
    Api api(Installation node) {
        return new Api(node.port(), user -> "Bearer " + keycloak.token(user));
    }

    List<Installation> nodes() {
        return List.of(node1, node2);
    }

    private Installation node(String name) {
        Installation node = Installation.named(name, "c")
                .profile("keycloak")
                // the demo catalogue and users come with this profile once it exists (ignored before)
                .profile("demo")
                .property("motcua.keycloak.url", keycloak.url)
                .property("MOTCUA_WEB_CLIENT_SECRET", keycloak.secrets.get("motcua-web"))
                .property("MOTCUA_IDENTITY_CLIENT_SECRET", keycloak.secrets.get("motcua-identity"))
                .property("MOTCUA_PEER_CLIENT_SECRET", keycloak.secrets.get("motcua-peer"))
                .property("motcua.public-url", url())
                .property("motcua.network.trusted-proxies", PROXY_SOURCE.replace(".", "\\."))
                .property("motcua.tracking.max-lookups", Integer.toString(MAX_LOOKUPS))
                .property("motcua.tracking.max-misses", Integer.toString(MAX_MISSES))
                .property("motcua.sla.calendar-file", calendarFile.toString())
                .property("motcua.sla.calendar-check", "PT1S")
                .localAgencies(AGENCIES);
        return node;
    }

    private Process startHaproxy() {
        ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", "src/cluster/haproxy.cfg")
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "installations", "haproxy.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MOTCUA_LB_PORT", Integer.toString(port));
        env.put("MOTCUA_LB_STATS_PORT", Integer.toString(statsPort));
        env.put("MOTCUA_NODE1", "127.0.0.1:" + node1.port());
        env.put("MOTCUA_NODE2", "127.0.0.1:" + node2.port());
        env.put("MOTCUA_PROXY_SOURCE", PROXY_SOURCE);
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "haproxy"));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HAProxy's view of a server ({@code n1}, {@code n2}): UP, DOWN, "UP 1/2", … from its CSV statistics. */
    String state(String server) {
        if (!haproxy.isAlive()) {
            throw new IllegalStateException("HAProxy ended; see target/installations/haproxy.log");
        }
        try {
            HttpResponse<String> csv = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/haproxy-stats;csv"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String[] lines = csv.body().split("\n");
            List<String> header = Arrays.asList(lines[0].replace("# ", "").split(","));
            int status = header.indexOf("status");
            for (String line : lines) {
                String[] fields = line.split(",", -1);
                if (fields.length > status && "nodes".equals(fields[0]) && server.equals(fields[1])) {
                    return fields[status];
                }
            }
            throw new IllegalStateException("HAProxy does not list " + server + ":\n" + csv.body());
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until HAProxy sees the server in that state; how long that took. */
    Duration awaitState(String server, String state, Duration timeout) {
        Instant begin = Instant.now();
        while (!state.equals(state(server))) {
            if (Duration.between(begin, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError("HAProxy did not see " + server + " " + state + " within " + timeout
                        + " (it says " + state(server) + ")");
            }
            Installation.sleep(Duration.ofMillis(100));
        }
        return Duration.between(begin, Instant.now());
    }

    record Answer(int status, String body) {}

    /**
     * A GET sent from the local address {@code from} (any 127.x address: a client of its own) to {@code port}, with
     * an {@code X-Forwarded-For} header when {@code forwardedFor} is not null.
     */
    static Answer send(String from, int port, String path, String forwardedFor) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(from + " -> :" + port + path, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
