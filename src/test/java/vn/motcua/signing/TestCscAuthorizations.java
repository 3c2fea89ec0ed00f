package vn.motcua.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * The test CSC service's signing requests: authorised with a hash, approved or refused on the phone, expired when not
 * approved in time, and signed once with the SAD the approval gave, for exactly the authorised hash.
 */
final class TestCscAuthorizations {

    enum State {
        PENDING,
        APPROVED,
        REFUSED,
        EXPIRED,
        SIGNED
    }

    /** An HTTP answer with a JSON body. */
    record Reply(int status, Object body) {

        static Reply error(int status, String error, String description) {
            return new Reply(status, Map.of("error", error, "error_description", description));
        }

        void send(HttpExchange exchange, ObjectMapper json) throws IOException {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static final class Request {
        final String handle = UUID.randomUUID().toString();
        final Instant made = Instant.now();
        final String hash;
        final String description;
        State state = State.PENDING;
        String sad;

        Request(String hash, String description) {
            this.hash = hash;
            this.description = description;
        }
    }

    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final Duration approvalTimeout;
    private final PrivateKey key;

    TestCscAuthorizations(Duration approvalTimeout, PrivateKey key) {
        this.approvalTimeout = approvalTimeout;
        this.key = key;
    }

    /** One signature per authorization (multisign 1), of one SHA-256 hash. */
    synchronized Reply authorize(JsonNode body) {
        if (body.path("numSignatures").asInt() != 1 || body.path("hashes").size() != 1) {
            return Reply.error(400, "invalid_request", "Numbers of signatures is too high");
        }
        if (!TestCscServer.SHA256.equals(body.path("hashAlgorithmOID").asText())) {
            return Reply.error(400, "invalid_request", "Invalid parameter hashAlgorithmOID");
        }
        String hash = body.path("hashes").get(0).asText();
        if (decoded(hash).length != 32) {
            return Reply.error(400, "invalid_request", "Invalid Base64 hash string parameter");
        }
        Request request = new Request(hash, body.path("description").asText(""));
        requests.put(request.handle, request);
        return new Reply(202, Map.of("handle", request.handle));
    }

    synchronized Reply check(JsonNode body) {
        Request request = current(body.path("handle").asText());
        if (request == null || request.state == State.SIGNED) {
            return Reply.error(400, "invalid_request", "Invalid parameter handle");
        }
        return switch (request.state) {
            case PENDING -> new Reply(202, Map.of("handle", request.handle));
            case APPROVED -> new Reply(200, Map.of("SAD", request.sad, "expiresIn", 300));
            case REFUSED -> Reply.error(400, "access_denied", "The signer refused the request");
            default -> Reply.error(400, "authorization_expired", "The signer did not approve the request in time");
        };
    }

    synchronized Reply signHash(JsonNode body) {
        Request request = requests.values().stream()
                .filter(candidate -> candidate.state == State.APPROVED
                        && candidate.sad.equals(body.path("SAD").asText()))
                .findFirst()
                .orElse(null);
        if (request == null) {
            return Reply.error(400, "invalid_request", "Invalid parameter SAD");
        }
        JsonNode hashes = body.path("hashes");
        if (hashes.size() != 1 || !request.hash.equals(hashes.get(0).asText())) {
            return Reply.error(400, "invalid_request", "Hash is not authorized by the SAD");
        }
        if (!TestCscServer.SHA256_WITH_RSA.equals(body.path("signAlgo").asText())
                || !TestCscServer.SHA256.equals(body.path("hashAlgorithmOID").asText(TestCscServer.SHA256))) {
            return Reply.error(400, "invalid_request", "Invalid parameter signAlgo");
        }
        request.state = State.SIGNED;
        return new Reply(200, Map.of("signatures", List.of(sign(decoded(request.hash)))));
    }

    synchronized Reply approve(String handle) {
        return decide(handle, State.APPROVED);
    }

    synchronized Reply refuse(String handle) {
        return decide(handle, State.REFUSED);
    }

    /** What the phone shows and what became of each request, oldest first. */
    synchronized List<Map<String, String>> requests() {
        List<Map<String, String>> shown = new ArrayList<>();
        for (Request request : requests.values()) {
            current(request.handle);
            shown.add(Map.of(
                    "handle", request.handle,
                    "hash", request.hash,
                    "description", request.description,
                    "state", request.state.name()));
        }
        return shown;
    }

    private Reply decide(String handle, State decision) {
        Request request = current(handle);
        if (request == null || request.state != State.PENDING) {
            return Reply.error(409, "invalid_request", "No pending request " + handle);
        }
        request.state = decision;
        if (decision == State.APPROVED) {
            request.sad = UUID.randomUUID().toString();
        }
        return new Reply(200, Map.of("handle", handle, "state", decision.name()));
    }

    /** The request, expired first if it waited too long for the phone. */
    private Request current(String handle) {
        Request request = requests.get(handle);
        if (request != null
                && request.state == State.PENDING
                && Instant.now().isAfter(request.made.plus(approvalTimeout))) {
            request.state = State.EXPIRED;
        }
        return request;
    }

    /** PKCS#1 v1.5 of the hash as it came: the DigestInfo the key signs, as SHA256withRSA would have made it. */
    private String sign(byte[] hash) {
        try {
            byte[] digestInfo = new DigestInfo(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), hash)
                    .getEncoded();
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(digestInfo);
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
