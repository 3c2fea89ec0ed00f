package vn.motcua.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A remote signing service in the CSC API v2 shape, run by the tests as a process of its own (as a real one is another
 * machine): one client (id and secret, {@code auth/login} with HTTP Basic, then bearer tokens), one credential (a key
 * and chain from a PKCS#12 file the test CA made), and the signer's phone at {@code /phone/*} for the test to approve
 * or refuse. Strict where a real service is: a wrong client, an unknown credential, a SAD that was not approved or was
 * used, a hash other than the approved one are refused with CSC errors. Arguments: {@code keystore= password=
 * client-id= client-secret= credential-id= approval-timeout-ms= port-file=}, and {@code forge=true} for a service
 * that signs with another key than its certificate's; the port is written to the port file once the server listens.
 */
final class TestCscServer {

    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String RSA = "1.2.840.113549.1.1.1";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> settings;
    private final List<String> chain = new ArrayList<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final TestCscAuthorizations authorizations;

    private TestCscServer(Map<String, String> settings) throws IOException, GeneralSecurityException {
        this.settings = settings;
        char[] password = settings.get("password").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(settings.get("keystore")))) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        }
        if (Boolean.parseBoolean(settings.get("forge"))) {
            KeyPairGenerator other = KeyPairGenerator.getInstance("RSA");
            other.initialize(2048);
            key = other.generateKeyPair().getPrivate();
        }
        authorizations =
                new TestCscAuthorizations(Duration.ofMillis(Long.parseLong(settings.get("approval-timeout-ms"))), key);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        TestCscServer service = new TestCscServer(settings);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/csc/v2/", service::csc);
        server.createContext("/phone/", service::phone);
        server.start();
        Path portFile = Path.of(settings.get("port-file"));
        Path written = Files.writeString(
                portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                String.valueOf(server.getAddress().getPort()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private void csc(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/csc/v2/".length());
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            if (method.equals("auth/login")) {
                login(exchange);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !tokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
                error(exchange, 401, "invalid_token", "The access token is not valid");
                return;
            }
            if (!method.equals("credentials/list")
                    && !method.equals("credentials/authorizeCheck")
                    && !settings.get("credential-id")
                            .equals(request.path("credentialID").asText())) {
                error(exchange, 400, "invalid_request", "Invalid parameter credentialID");
                return;
            }
            switch (method) {
                case "credentials/list" -> answer(exchange, 200, Map.of("credentialIDs", List.of(credentialId())));
                case "credentials/info" -> info(exchange, request);
                case "credentials/authorize" ->
                    authorizations.authorize(request).send(exchange, json);
                case "credentials/authorizeCheck" ->
                    authorizations.check(request).send(exchange, json);
                case "signatures/signHash" -> authorizations.signHash(request).send(exchange, json);
                default -> error(exchange, 501, "invalid_request", "Not implemented: " + method);
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            error(exchange, 401, "invalid_request", "Malformed authentication parameter");
            return;
        }
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        if (!pair.equals(settings.get("client-id") + ":" + settings.get("client-secret"))) {
            error(exchange, 400, "authentication_error", "An error occurred during authentication process");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        answer(exchange, 200, Map.of("access_token", token, "expires_in", 3600));
    }

    private void info(HttpExchange exchange, JsonNode request) throws IOException {
        boolean wholeChain = request.path("certificates").asText("single").equals("chain");
        answer(
                exchange,
                200,
                Map.of(
                        "key", Map.of("status", "enabled", "algo", List.of(RSA), "len", 2048),
                        "cert", Map.of("status", "valid", "certificates", wholeChain ? chain : chain.subList(0, 1)),
                        "auth", Map.of("mode", "explicit"),
                        "SCAL", "2",
                        "multisign", 1));
    }

    /** The signer's phone: {@code GET /phone/requests}, {@code POST /phone/approve} or {@code /phone/refuse}. */
    private void phone(HttpExchange exchange) throws IOException {
        try (exchange) {
            String action = exchange.getRequestURI().getPath().substring("/phone/".length());
            if (action.equals("requests")) {
                answer(exchange, 200, authorizations.requests());
                return;
            }
            String handle = json.readTree(exchange.getRequestBody().readAllBytes())
                    .path("handle")
                    .asText();
            switch (action) {
                case "approve" -> authorizations.approve(handle).send(exchange, json);
                case "refuse" -> authorizations.refuse(handle).send(exchange, json);
                default -> error(exchange, 404, "invalid_request", "No such phone action: " + action);
            }
        }
    }

    private String credentialId() {
        return settings.get("credential-id");
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        new TestCscAuthorizations.Reply(status, body).send(exchange, json);
    }

    private void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        TestCscAuthorizations.Reply.error(status, error, description).send(exchange, json);
    }
}
