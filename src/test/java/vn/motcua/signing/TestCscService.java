package vn.motcua.signing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link TestCscServer} started as a separate Java process on a free port of localhost, holding a signer's key issued
 * by the test CA (written under {@code target/csc/}), and the signer's phone for the test. Closing stops the process.
 */
final class TestCscService implements AutoCloseable {

    static final String CLIENT_ID = "motcua-phan-rang";
    static final String SECRET = "bi-mat-ket-noi";
    static final String CREDENTIAL_ID = "cccd-079123456789";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** A request as the phone shows it. */
    record PhoneRequest(String handle, String hash, String description, String state) {}

    private final TestPki.Entity signer;
    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    TestCscService(TestPki pki, String name, String organisation, Duration approvalTimeout)
            throws IOException, InterruptedException {
        this(pki, name, organisation, approvalTimeout, false);
    }

    /** {@code forging}: the service signs with a key other than its certificate's (a broken or hostile service). */
    TestCscService(TestPki pki, String name, String organisation, Duration approvalTimeout, boolean forging)
            throws IOException, InterruptedException {
        signer = pki.signer(name, organisation);
        Path directory = Files.createDirectories(
                Path.of("target", "csc", UUID.randomUUID().toString()));
        char[] password = "mat-khau-hsm".toCharArray();
        Path keystore = TestPki.pkcs12(signer, directory.resolve("signer.p12"), password);
        Path portFile = directory.resolve("port");
        log = directory.resolve("server.log");
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TestCscServer.class.getName(),
                        "keystore=" + keystore,
                        "password=" + new String(password),
                        "client-id=" + CLIENT_ID,
                        "client-secret=" + SECRET,
                        "credential-id=" + CREDENTIAL_ID,
                        "approval-timeout-ms=" + approvalTimeout.toMillis(),
                        "port-file=" + portFile,
                        "forge=" + forging)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        base = "http://127.0.0.1:" + awaitPort(portFile);
    }

    private String awaitPort(Path portFile) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("The test CSC service did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return Files.readString(portFile).strip();
    }

    /** The base URL of the CSC API, as {@code csc-url} is configured. */
    URI url() {
        return URI.create(base + "/csc/v2");
    }

    X509Certificate certificate() {
        return signer.certificate();
    }

    List<PhoneRequest> requests() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/phone/requests")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return json.readValue(response.body(), new TypeReference<List<PhoneRequest>>() {});
    }

    /** The request on the phone to sign this hash (base64, as the CSC API carries it). */
    PhoneRequest request(String hash) throws IOException, InterruptedException {
        List<PhoneRequest> found = requests().stream()
                .filter(request -> request.hash().equals(hash))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one request for " + hash + " on the phone, found " + found);
        }
        return found.get(0);
    }

    /** The phone's HTTP status: 200 when the request was waiting, 409 when it no longer was. */
    int approve(String handle) throws IOException, InterruptedException {
        return phone("approve", handle);
    }

    int refuse(String handle) throws IOException, InterruptedException {
        return phone("refuse", handle);
    }

    private int phone(String action, String handle) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + "/phone/" + action))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        json.writeValueAsBytes(Map.of("handle", handle))))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
