package vn.motcua.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The HTTP side of a Cloud Signature Consortium API v2 service: a method is a JSON POST to {@code <url>/<method>},
 * authorised by a bearer token that {@code auth/login} gives for the client id and secret (HTTP Basic, CSC v2 §11.2).
 * The token is kept until shortly before it expires, and fetched again once when the service answers 401. An answer
 * that is not 2xx nor 4xx, a service that cannot be reached and a refused login are {@link SigningServiceFailed}.
 */
final class CscClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A token is renewed this long before the service said it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    /** A 2xx or 4xx answer; the CSC error is in the body ({@code error}, {@code error_description}, §10.2). */
    record Answer(int status, JsonNode body) {

        String error() {
            return body.path("error").asText("");
        }

        String description() {
            return body.path("error_description").asText("");
        }
    }

    private final String url;
    private final String clientId;
    private final String secret;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant tokenExpires = Instant.MIN;

    CscClient(URI url, String clientId, String secret, Clock clock) {
        this.url = url.toString().replaceAll("/+$", "");
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    String url() {
        return url;
    }

    Answer post(String method, Map<String, ?> request) {
        Answer answer = send(method, request, "Bearer " + token());
        if (answer.status() == 401) {
            forgetToken();
            answer = send(method, request, "Bearer " + token());
        }
        if (answer.status() == 401) {
            throw refusedLogin();
        }
        return answer;
    }

    /** The body of a 200 answer; another answer is the service's error. */
    JsonNode call(String method, Map<String, ?> request) {
        Answer answer = post(method, request);
        if (answer.status() != 200) {
            throw failed(method, answer);
        }
        return answer.body();
    }

    SigningServiceFailed failed(String method, Answer answer) {
        String error = answer.error() + (answer.description().isEmpty() ? "" : ": " + answer.description());
        return new SigningServiceFailed(
                "Dịch vụ ký số từ xa " + url + " báo lỗi cho " + method + " (HTTP " + answer.status() + ", " + error
                        + ").",
                "The remote signing service " + url + " answered " + method + " with an error (HTTP " + answer.status()
                        + ", " + error + ").");
    }

    SigningServiceFailed outsideTheApi(String method, String what) {
        return new SigningServiceFailed(
                "Dịch vụ ký số từ xa " + url + " trả lời " + method + " không đúng chuẩn CSC (" + what + ").",
                "The remote signing service " + url + " answered " + method + " outside the CSC API (" + what + ").");
    }

    byte[] base64(String method, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw outsideTheApi(method, "a value that is not base64");
        }
    }

    private synchronized String token() {
        if (token == null || !clock.instant().isBefore(tokenExpires)) {
            String basic =
                    Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            Answer login = send("auth/login", Map.of(), "Basic " + basic);
            if (login.status() != 200 || !login.body().hasNonNull("access_token")) {
                throw refusedLogin();
            }
            token = login.body().get("access_token").asText();
            long seconds = login.body().path("expires_in").asLong(3600);
            tokenExpires = clock.instant().plusSeconds(seconds).minus(TOKEN_MARGIN);
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private Answer send(String method, Map<String, ?> request, String authorization) {
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/" + method))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
                    .build();
            HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                throw new SigningServiceFailed(
                        "Dịch vụ ký số từ xa " + url + " đang gặp sự cố (HTTP " + status + " cho " + method
                                + "); hãy thử lại sau.",
                        "The remote signing service " + url + " has a problem (HTTP " + status + " for " + method
                                + "); try again later.");
            }
            return new Answer(status, body(response.body(), method));
        } catch (IOException e) {
            throw new SigningServiceFailed(
                    "Không kết nối được dịch vụ ký số từ xa " + url + "; hãy thử lại sau.",
                    "The remote signing service " + url + " cannot be reached; try again later.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningServiceFailed(
                    "Việc gọi dịch vụ ký số từ xa " + url + " bị ngắt.",
                    "The call to the remote signing service " + url + " was interrupted.",
                    e);
        }
    }

    private JsonNode body(byte[] body, String method) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new SigningServiceFailed(
                    "Dịch vụ ký số từ xa " + url + " trả lời " + method + " không đúng định dạng JSON.",
                    "The remote signing service " + url + " answered " + method + " with something that is not JSON.",
                    e);
        }
    }

    private SigningServiceFailed refusedLogin() {
        return new SigningServiceFailed(
                "Dịch vụ ký số từ xa " + url + " không chấp nhận tài khoản kết nối '" + clientId
                        + "' (sai mã hoặc mật khẩu kết nối).",
                "The remote signing service " + url + " does not accept the client '" + clientId
                        + "' (wrong client id or secret).");
    }
}
