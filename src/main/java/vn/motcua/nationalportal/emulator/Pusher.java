package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Push mode: a dossier filed on the portal is POSTed to the province's endpoint with {@code X-Portal-Token}; an answer
 * {@code {"error_code":"00","MaHoSo":…}} is the province's code for it. Anything else (another answer, a status other
 * than 200, no answer within the timeout) leaves the dossier for {@code LayHoSoMoi}.
 */
final class Pusher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final Optional<String> token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Pusher(URI url, Optional<String> token) {
        this.url = url;
        this.token = token;
    }

    /** The province's code for the dossier, when its endpoint took it. */
    Optional<String> push(JsonNode dossier) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(dossier)));
        token.ifPresent(value -> request.header("X-Portal-Token", value));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Optional<String> code = response.statusCode() == 200 ? ourCode(response.body()) : Optional.empty();
            if (code.isEmpty()) {
                System.err.println("Push of " + dossier.path("MaHoSoQG").asText() + " answered " + response.statusCode()
                        + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return code;
        } catch (IOException e) {
            System.err.println("Push of " + dossier.path("MaHoSoQG").asText() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<String> ourCode(byte[] body) throws IOException {
        JsonNode answer = HttpJson.JSON.readTree(body);
        return answer != null && "00".equals(answer.path("error_code").asText())
                ? HttpJson.text(answer, "MaHoSo").filter(code -> !code.isBlank())
                : Optional.empty();
    }

    private static byte[] write(JsonNode dossier) {
        try {
            return HttpJson.JSON.writeValueAsBytes(dossier);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
