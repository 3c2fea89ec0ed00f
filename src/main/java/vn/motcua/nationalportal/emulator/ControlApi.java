package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's own API for tests and demos, {@code /control/*}, without authentication: the adapter's mode, refusals
 * per dossier, what was synced and counted, dossiers filed on the portal, the catalogue, and a reset. It is never slowed
 * down or taken down by the mode it sets.
 */
final class ControlApi {

    private final Traffic traffic;
    private final Sessions sessions;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final Filing filing;

    ControlApi(Traffic traffic, Sessions sessions, Ledger ledger, Catalogue catalogue, Filing filing) {
        this.traffic = traffic;
        this.sessions = sessions;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.filing = filing;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            Optional<JsonNode> body =
                    exchange.getRequestMethod().equals("POST") ? HttpJson.body(exchange) : Optional.empty();
            try {
                Object answer = answer(route, body, exchange.getRequestURI().getRawQuery());
                if (answer == null) {
                    HttpJson.send(exchange, 404, Map.of("message", "Not found: " + route));
                } else {
                    HttpJson.send(exchange, 200, answer);
                }
            } catch (IllegalArgumentException e) {
                HttpJson.send(exchange, 400, Map.of("message", e.getMessage()));
            } catch (IllegalStateException e) {
                HttpJson.send(exchange, 409, Map.of("message", e.getMessage()));
            }
        }
    }

    /** The answer to the route, or null for none. */
    private Object answer(String route, Optional<JsonNode> body, String query) {
        if (route.startsWith("GET /control/records/")) {
            return ledger.record(decode(route.substring("GET /control/records/".length())))
                    .orElse(null);
        }
        return switch (route) {
            case "POST /control/mode" -> mode(object(body));
            case "POST /control/refuse" -> refuse(object(body));
            case "GET /control/records" -> ledger.records();
            case "GET /control/progress" -> ledger.progress(parameter(query, "MaHoSo"));
            case "GET /control/stats" -> stats();
            case "POST /control/dossiers" -> filing.file(object(body));
            case "GET /control/dossiers" -> filing.dossiers().all();
            case "POST /control/catalogue" -> replaceCatalogue(body);
            case "POST /control/reset" -> reset();
            default -> null;
        };
    }

    private Object mode(JsonNode request) {
        if (request.path("expireSessions").asBoolean(false)) {
            sessions.expireAll();
        }
        Traffic.Mode mode = traffic.change(
                request.path("down").isBoolean() ? request.path("down").booleanValue() : null,
                request.path("delayMs").isNumber() ? request.path("delayMs").longValue() : null);
        return Map.of("down", mode.down(), "delayMs", mode.delayMs());
    }

    private Object refuse(JsonNode request) {
        String code = HttpJson.text(request, "MaHoSo")
                .filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("MaHoSo is required"));
        if (request.path("clear").asBoolean(false)) {
            return ledger.clearRefusal(code);
        }
        return ledger.refuse(
                code,
                HttpJson.text(request, "message")
                        .filter(t -> !t.isBlank())
                        .orElseThrow(() -> new IllegalArgumentException("message is required")));
    }

    private Object stats() {
        ObjectNode stats = HttpJson.JSON.createObjectNode();
        ledger.writeTo(stats);
        traffic.writeTo(stats);
        return stats;
    }

    private Object replaceCatalogue(Optional<JsonNode> body) {
        catalogue.replace(body.orElseThrow(() -> new IllegalArgumentException("The body is not JSON")));
        return Map.of("procedures", catalogue.size());
    }

    private Object reset() {
        ledger.reset();
        filing.dossiers().reset();
        traffic.reset();
        return Map.of("reset", true);
    }

    private static JsonNode object(Optional<JsonNode> body) {
        return body.filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("The body must be a JSON object"));
    }

    private static Optional<String> parameter(String query, String name) {
        return Optional.ofNullable(query).stream()
                .flatMap(q -> Arrays.stream(q.split("&")))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2 && decode(pair[0]).equals(name))
                .map(pair -> decode(pair[1]))
                .findFirst();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
