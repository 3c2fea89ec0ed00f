package vn.motcua.interagency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Posts an envelope to a peer installation ({@code POST {url}/api/interagency/messages}) with the sender's signature,
 * and, in Keycloak mode, a client-credentials bearer token of {@code motcua-peer}.
 */
@Component
class PeerClient {

    static final String PATH = "/api/interagency/messages";

    private final InteragencySettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    PeerClient(InteragencySettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer post(InteragencySettings.Peer peer, byte[] body, String signature, String keyId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(peer.url()) + PATH))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(KeyRing.SIGNATURE_HEADER, signature)
                .header(KeyRing.KEY_ID_HEADER, keyId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.peerToken().configured()) {
            request.header("Authorization", "Bearer " + token());
        }
        HttpResponse<byte[]> response = exchange(request.build());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue(KeyRing.SIGNATURE_HEADER).orElse(null),
                response.headers().firstValue(KeyRing.KEY_ID_HEADER).orElse(null),
                null);
    }

    private synchronized String token() throws IOException {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            InteragencySettings.PeerToken config = settings.peerToken();
            String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                    + encode(config.clientSecret());
            HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(config.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());
            if (response.statusCode() != 200) {
                throw new IOException("the token endpoint answered " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            token = answer.path("access_token").asText();
            tokenExpires = Instant.now()
                    .plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        }
        return token;
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
