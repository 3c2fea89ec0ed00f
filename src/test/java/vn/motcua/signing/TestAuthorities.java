package vn.motcua.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The test CA's services over HTTP on localhost, as a real installation reaches them: an RFC 3161 timestamp authority
 * at {@code /tsa}, the root's CRL at {@code /crl/root.crl} and its OCSP responder at {@code /ocsp}.
 */
final class TestAuthorities implements AutoCloseable {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private final HttpServer server;
    private final TestPki pki;
    private final TestPki.Entity tsa;
    private final AtomicLong serials = new AtomicLong();
    private final Map<String, List<Integer>> asked = new ConcurrentHashMap<>();

    TestAuthorities() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pki = new TestPki("Tổ chức chứng thực thử nghiệm Một Cửa", baseUrl() + "/crl/root.crl", baseUrl() + "/ocsp");
        tsa = pki.timestampAuthority();
        TestOcspResponder ocsp = pki.ocspResponder();
        server.createContext("/tsa", counted(this::timestamp));
        server.createContext("/crl/root.crl", counted(exchange -> answer(exchange, "application/pkix-crl", pki.crl())));
        server.createContext(
                "/ocsp",
                counted(exchange -> answer(exchange, "application/ocsp-response", ocspAnswer(ocsp, exchange))));
        server.start();
    }

    TestPki pki() {
        return pki;
    }

    /** What one service was asked: how many requests, over how many connections (client ports). */
    record Traffic(int requests, int connections) {}

    /** The requests to {@code path} ({@code /tsa}, {@code /ocsp}, {@code /crl/root.crl}) so far. */
    Traffic traffic(String path) {
        List<Integer> ports = asked.getOrDefault(path, List.of());
        synchronized (ports) {
            return new Traffic(ports.size(), (int) ports.stream().distinct().count());
        }
    }

    private HttpHandler counted(HttpHandler handler) {
        return exchange -> {
            List<Integer> ports = asked.computeIfAbsent(
                    exchange.getHttpContext().getPath(), path -> Collections.synchronizedList(new ArrayList<>()));
            ports.add(exchange.getRemoteAddress().getPort());
            handler.handle(exchange);
        };
    }

    String tsaUrl() {
        return baseUrl() + "/tsa";
    }

    /** The OCSP responder goes away (404), as one does; the CRL and the TSA stay. */
    void stopOcsp() {
        server.removeContext("/ocsp");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void timestamp(HttpExchange exchange) throws IOException {
        try {
            TimeStampRequest request =
                    new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder()
                            .build("SHA256withRSA", tsa.keys().getPrivate(), tsa.certificate()),
                    new JcaDigestCalculatorProviderBuilder()
                            .build()
                            .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), tsa.root())));
            byte[] response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date())
                    .getEncoded();
            answer(exchange, "application/timestamp-reply", response);
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }
    }

    private static byte[] ocspAnswer(TestOcspResponder ocsp, HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        try {
            return ocsp.answer(request);
        } catch (UncheckedIOException e) {
            return TestOcspResponder.malformed();
        }
    }

    private static void answer(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
