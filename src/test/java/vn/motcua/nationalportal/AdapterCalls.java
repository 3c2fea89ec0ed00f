package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw calls to the emulator's adapter as a province's system makes them, for the emulator's own tests. */
final class AdapterCalls {

    /** The status, the body as sent (to check the UTF-8 bytes) and as JSON. */
    record Answer(int status, String text, JsonNode body) {}

    static final String CENTRE = "000.00.01.H43";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final PortalEmulator emulator;

    AdapterCalls(PortalEmulator emulator) {
        this.emulator = emulator;
    }

    Answer login(String dstcode, String username, String password) {
        return post("/adapter/login", dstcode, Map.of("username", username, "password", password));
    }

    /** A session of the demo user for the centre. */
    String session() {
        Answer login = login(CENTRE, "motcua", "motcua-demo");
        if (!login.body().path("error_code").asText().equals("00")) {
            throw new IllegalStateException("No session: " + login.text());
        }
        return login.body().path("session").asText();
    }

    /** {@code service} with a new session of the centre and these fields. */
    Answer service(String service, Map<String, ?> fields) {
        return service(CENTRE, session(), service, fields);
    }

    Answer service(String dstcode, String session, String service, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (session != null) {
            body.put("session", session);
        }
        body.put("madonvi", dstcode);
        body.put("service", service);
        body.putAll(fields);
        return post("/adapter/service", dstcode, body);
    }

    Answer post(String path, String dstcode, Object body) {
        try {
            return raw(path, dstcode, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer raw(String path, String dstcode, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (dstcode != null) {
            request.header("dstcode", dstcode);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), text, json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
