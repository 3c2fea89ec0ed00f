package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Calls the portal's integration adapter: logs in with the account and the unit's code ({@code dstcode}) for a
 * session token, then posts {@code {session, madonvi, service, …}}. A session the portal no longer knows is replaced
 * once per call. An answer is returned as it came ({@code error_code} "00" or a refusal); the portal out of reach, a
 * 5xx, a timeout or an answer that is not JSON is {@link Unavailable}: the caller tries again later.
 */
@Component
class PortalClient {

    static final String OK = "00";
    static final String SESSION_INVALID = "01";

    private final NationalPortalSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile String session;

    PortalClient(NationalPortalSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** The portal could not be asked, or could not answer: nothing was decided about what was sent. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    JsonNode call(String service, Map<String, Object> fields) throws Unavailable {
        JsonNode answer = post(service, fields, session());
        if (SESSION_INVALID.equals(answer.path("error_code").asText())) {
            session = null;
            answer = post(service, fields, session());
            if (SESSION_INVALID.equals(answer.path("error_code").asText())) {
                throw new Unavailable("the portal refuses the session: "
                        + answer.path("message").asText());
            }
        }
        return answer;
    }

    private JsonNode post(String service, Map<String, Object> fields, String token) throws Unavailable {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", token);
        body.put("madonvi", settings.unit());
        body.put("service", service);
        body.putAll(fields);
        return exchange("adapter/service", body);
    }

    private String session() throws Unavailable {
        String current = session;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (session == null) {
                JsonNode answer = exchange(
                        "adapter/login",
                        Map.of("username", nonNull(settings.username()), "password", nonNull(settings.password())));
                if (!OK.equals(answer.path("error_code").asText()) || !answer.hasNonNull("session")) {
                    throw new Unavailable("the portal refuses the login of " + settings.username() + ": "
                            + answer.path("message").asText());
                }
                session = answer.path("session").asText();
            }
            return session;
        }
    }

    private JsonNode exchange(String path, Map<String, Object> body) throws Unavailable {
        String base = settings.url().endsWith("/") ? settings.url() : settings.url() + "/";
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("dstcode", nonNull(settings.unit()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failure) {
            throw new Unavailable("the portal is out of reach: " + failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new Unavailable(
                    "the portal answered HTTP " + response.statusCode() + ": " + excerpt(response.body()));
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.has("error_code")) {
                throw new Unavailable("the portal's answer (HTTP " + response.statusCode() + ") has no error_code: "
                        + excerpt(response.body()));
            }
            return answer;
        } catch (IOException notJson) {
            throw new Unavailable("the portal's answer (HTTP " + response.statusCode() + ") is not JSON: "
                    + excerpt(response.body()));
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
