package vn.motcua.interagency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP proxy in front of the application that answers 500 to the first requests, then forwards them unchanged. */
class FaultProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final AtomicInteger failuresLeft;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    FaultProxy(int port, String target, int failures) throws IOException {
        this.target = target;
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failuresLeft.getAndDecrement() > 0) {
            answer(
                    exchange,
                    500,
                    null,
                    null,
                    "{\"message\":\"Lỗi máy chủ (giả lập)\",\"messageEn\":\"simulated failure\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
        for (String header : java.util.List.of(KeyRing.SIGNATURE_HEADER, KeyRing.KEY_ID_HEADER)) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
            answer(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue(KeyRing.SIGNATURE_HEADER).orElse(null),
                    response.headers().firstValue(KeyRing.KEY_ID_HEADER).orElse(null),
                    response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, null, null, new byte[0]);
        }
    }

    private static void answer(HttpExchange exchange, int status, String signature, String keyId, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (signature != null) {
            exchange.getResponseHeaders().set(KeyRing.SIGNATURE_HEADER, signature);
            exchange.getResponseHeaders().set(KeyRing.KEY_ID_HEADER, keyId);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
