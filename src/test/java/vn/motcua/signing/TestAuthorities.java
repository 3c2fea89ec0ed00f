package vn.motcua.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.List;
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

    TestAuthorities() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pki = new TestPki("Tổ chức chứng thực thử nghiệm Một Cửa", baseUrl() + "/crl/root.crl", baseUrl() + "/ocsp");
        tsa = pki.timestampAuthority();
        TestOcspResponder ocsp = pki.ocspResponder();
        server.createContext("/tsa", this::timestamp);
        server.createContext("/crl/root.crl", exchange -> answer(exchange, "application/pkix-crl", pki.crl()));
        server.createContext(
                "/ocsp", exchange -> answer(exchange, "application/ocsp-response", ocspAnswer(ocsp, exchange)));
        server.start();
    }

    TestPki pki() {
        return pki;
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
