package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** Reading a JSON request body and writing a JSON answer (UTF-8) on the JDK's HTTP server. */
final class HttpJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpJson() {}

    /** The body as JSON, or empty when it is not JSON at all (an empty body included). */
    static Optional<JsonNode> body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(bytes));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    static void send(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The portal's answer shape: {@code {"error_code":…,"message":…}}. */
    static ObjectNode answer(String errorCode, String message) {
        ObjectNode answer = JSON.createObjectNode().put("error_code", errorCode);
        return message == null ? answer : answer.put("message", message);
    }

    /** A scalar field as text (numbers as written), empty when absent, null or not a scalar. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }
}
