package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's adapter as a province's system meets it: {@code POST /adapter/login} for a session, then
 * {@code POST /adapter/service} with that session, each call with the agency's code in the {@code dstcode} header.
 * The control API's mode applies first: a delay before anything, and HTTP 503 to everything while down.
 */
final class AdapterApi {

    private final Set<String> agencies;
    private final String username;
    private final String password;
    private final Sessions sessions;
    private final Traffic traffic;
    private final PortalServices services;

    AdapterApi(EmulatorSettings settings, Sessions sessions, Traffic traffic, PortalServices services) {
        this.agencies = settings.agencies();
        this.username = settings.username();
        this.password = settings.password();
        this.sessions = sessions;
        this.traffic = traffic;
        this.services = services;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Traffic.Mode mode = traffic.mode();
            pause(mode.delayMs());
            if (mode.down()) {
                traffic.answeredUnavailable();
                HttpJson.send(exchange, 503, HttpJson.answer("99", "Hệ thống đang bảo trì"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/adapter/login") && !path.equals("/adapter/service")) {
                HttpJson.send(exchange, 404, HttpJson.answer("02", "Không có địa chỉ " + path));
            } else if (!exchange.getRequestMethod().equals("POST")) {
                HttpJson.send(exchange, 405, HttpJson.answer("02", "Chỉ nhận phương thức POST"));
            } else {
                Optional<JsonNode> body = HttpJson.body(exchange).filter(JsonNode::isObject);
                String agency = exchange.getRequestHeaders().getFirst("dstcode");
                if (path.equals("/adapter/login")) {
                    login(exchange, body, agency);
                } else {
                    service(exchange, body, agency);
                }
            }
        }
    }

    private void login(HttpExchange exchange, Optional<JsonNode> body, String agency) throws IOException {
        if (body.isEmpty()) {
            HttpJson.send(exchange, 400, HttpJson.answer("02", "Yêu cầu không phải đối tượng JSON"));
            return;
        }
        traffic.called("login");
        if (!allowed(agency)) {
            HttpJson.send(exchange, 200, notAllowed(agency));
        } else if (!username.equals(body.get().path("username").asText())
                || !password.equals(body.get().path("password").asText())) {
            HttpJson.send(exchange, 200, HttpJson.answer("01", "Sai tên đăng nhập hoặc mật khẩu"));
        } else {
            HttpJson.send(
                    exchange,
                    200,
                    HttpJson.answer("00", null)
                            .put("session", sessions.open())
                            .put("expires_in", sessions.ttlSeconds()));
        }
    }

    private void service(HttpExchange exchange, Optional<JsonNode> body, String agency) throws IOException {
        Optional<String> service =
                body.flatMap(request -> HttpJson.text(request, "service")).filter(name -> !name.isBlank());
        if (service.isEmpty()) {
            HttpJson.send(exchange, 400, HttpJson.answer("02", "Yêu cầu không phải JSON hoặc thiếu trường service"));
            return;
        }
        traffic.called(service.get());
        JsonNode request = body.get();
        if (!allowed(agency)) {
            HttpJson.send(exchange, 200, notAllowed(agency));
        } else if (!sessions.valid(request.path("session").asText())) {
            HttpJson.send(exchange, 200, HttpJson.answer("01", "Phiên làm việc không hợp lệ hoặc đã hết hạn"));
        } else {
            String madonvi =
                    HttpJson.text(request, "madonvi").filter(t -> !t.isBlank()).orElse(agency);
            HttpJson.send(exchange, 200, services.call(service.get(), request, madonvi));
        }
    }

    private boolean allowed(String agency) {
        return agency != null && agencies.contains(agency);
    }

    private static JsonNode notAllowed(String agency) {
        return HttpJson.answer(
                "01", "Mã đơn vị " + (agency == null ? "(không có dstcode)" : agency) + " không được phép");
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
