package vn.motcua.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real Keycloak for the whole test run: the official distribution (unpacked by the build into target/keycloak),
 * {@code start-dev} with the realm of keycloak/ imported, enlarged by {@link LoadRealm} to 500 users in 60 more
 * departments; client secrets are generated per run. Started on first use, stopped when the JVM exits.
 */
public final class KeycloakServer {

    public static final String REALM = "motcua";
    /** A citizen of realm motcua carrying VNeID's facts (personal_id, full_name), with password "demo". */
    public static final String VERIFIED_CITIZEN = "congdan.vneid";

    public static final String VERIFIED_ID = "058190009999";
    public static final String VERIFIED_NAME = "Phạm Thị Dung";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile KeycloakServer running;

    public final String url;
    public final Map<String, String> secrets;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {}

    private KeycloakServer(String url, Map<String, String> secrets, Process process) {
        this.url = url;
        this.secrets = secrets;
        this.process = process;
    }

    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public String issuer() {
        return url + "/realms/" + REALM;
    }

    /** An access token for motcua-api, from the developers' public client (password grant, password "demo"). */
    public String token(String user) {
        Token cached = tokens.get(user);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return cached.value();
        }
        String value = tokenFor("grant_type=password&client_id=motcua-cli&username=" + user + "&password=demo");
        tokens.put(user, new Token(value, Instant.now().plusSeconds(120)));
        return value;
    }

    /** A client-credentials token of one of the realm's confidential clients. */
    public String clientToken(String clientId) {
        return tokenFor(
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secrets.get(clientId));
    }

    private String tokenFor(String form) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeycloakServer start() {
        Path home = Paths.get(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.7"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak in " + home + ": run the tests with Maven, which unpacks it");
        }
        try {
            deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve("motcua-realm.json"), testRealm());
            // the second realm plays the national e-ID (VNeID), brokered by realm motcua as an OIDC provider
            Files.copy(Paths.get("keycloak/vneid-emulator-realm.json"), imports.resolve("vneid-realm.json"));
            installTheme(home);
            int port = freePort();
            Map<String, String> secrets = new HashMap<>();
            for (String client : new String[] {"motcua-web", "motcua-peer", "motcua-identity", "vneid"}) {
                secrets.put(client, "test-" + UUID.randomUUID());
            }
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--import-realm",
                            "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("MOTCUA_WEB_CLIENT_SECRET", secrets.get("motcua-web"));
            env.put("MOTCUA_PEER_CLIENT_SECRET", secrets.get("motcua-peer"));
            env.put("MOTCUA_IDENTITY_CLIENT_SECRET", secrets.get("motcua-identity"));
            env.put("MOTCUA_VNEID_CLIENT_SECRET", secrets.get("vneid"));
            env.put("MOTCUA_VNEID_URL", "http://localhost:" + port + "/realms/vneid");
            env.put("MOTCUA_KEYCLOAK_URL", "http://localhost:" + port);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            KeycloakServer server = new KeycloakServer("http://localhost:" + port, Map.copyOf(secrets), process);
            server.awaitRealm(home.resolve("keycloak.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed realm, with the web client open to the tests' random ports and the generated load added. */
    static String testRealm() throws IOException {
        ObjectNode realm = (ObjectNode)
                JSON.readTree(Paths.get("keycloak/motcua-realm.json").toFile());
        for (JsonNode client : realm.withArray("clients")) {
            String id = client.path("clientId").asText();
            if ("motcua-web".equals(id) || "motcua-portal".equals(id)) {
                ((ObjectNode) client).set("redirectUris", JSON.createArrayNode().add("*"));
            }
            if ("motcua-portal".equals(id)) {
                // "+" takes the origins of the redirect URIs, and "*" names none
                ((ObjectNode) client).set("webOrigins", JSON.createArrayNode().add("*"));
            }
        }
        LoadRealm.addTo(realm, (ArrayNode) realm.get("groups"), (ArrayNode) realm.get("users"));
        // a citizen known by the national e-ID (as a VNeID first login leaves one) who also has a password, for API
        // tests
        ObjectNode verified = ((ArrayNode) realm.get("users")).addObject();
        verified.put("username", VERIFIED_CITIZEN);
        verified.put("enabled", true);
        verified.put("firstName", "Dung");
        verified.put("lastName", "Phạm Thị");
        verified.put("email", VERIFIED_CITIZEN + "@test.motcua.vn");
        verified.put("emailVerified", true);
        verified.putObject("attributes")
                .set("personal_id", JSON.createArrayNode().add(VERIFIED_ID));
        ((ObjectNode) verified.get("attributes"))
                .set("full_name", JSON.createArrayNode().add(VERIFIED_NAME));
        verified.putArray("groups").add("/citizens");
        ObjectNode password = verified.putArray("credentials").addObject();
        password.put("type", "password");
        password.put("value", "demo");
        password.put("temporary", false);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    /** The realm theme of keycloak/themes (Vietnamese login pages), as an operator installs it: a folder in themes/. */
    private static void installTheme(Path home) throws IOException {
        Path source = Paths.get("keycloak/themes");
        Path target = home.resolve("themes");
        deleteRecursively(target.resolve("motcua"));
        try (var paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private void awaitRealm(Path log) {
        // a busy shared machine can need longer (system property keycloak.start-timeout-minutes)
        Duration timeout = Duration.ofMinutes(Long.getLong("keycloak.start-timeout-minutes", 10));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak did not start within " + timeout + "; see " + log);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
