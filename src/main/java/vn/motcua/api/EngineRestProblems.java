package vn.motcua.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API's errors in the platform's problem shape. Camunda's exception mappers answer {@code {type,
 * message, code}} (and its authentication filter an empty 401): an answer of 400 or more is held back, and written
 * as problem details keeping Camunda's {@code type} (a relative URI reference, which RFC 9457 allows) and {@code code}
 * for its clients, its message as {@code messageEn} and {@code detail}, and a Vietnamese {@code message}. Successful
 * answers pass through untouched. The Camunda web apps' own API ({@code /camunda/api}) is left as the web apps expect.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<Reshape> engineRestProblemShape() {
        FilterRegistrationBean<Reshape> registration = new FilterRegistrationBean<>(new Reshape());
        registration.addUrlPatterns("/engine-rest/*");
        // outside Spring Security, Camunda's authentication filter and everything else on /engine-rest
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("engine-rest-problem-shape");
        return registration;
    }

    static class Reshape extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Holding holding = new Holding(response);
            chain.doFilter(request, holding);
            int status = holding.getStatus();
            if (status < 400 || response.isCommitted()) {
                holding.release();
                return;
            }
            if (holding.writer != null) {
                holding.writer.flush();
            }
            ProblemResponses.write(response, status, reshaped(status, holding.held.toByteArray()));
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return true;
        }
    }

    static Map<String, Object> reshaped(int status, byte[] held) {
        JsonNode camunda = null;
        try {
            camunda = held.length == 0 ? null : JSON.readTree(held);
        } catch (IOException notJson) {
            // Jersey's own HTML or text: said again below with the status's own words
        }
        if (camunda != null && camunda.hasNonNull("messageEn") && camunda.hasNonNull("message")) {
            return JSON.convertValue(camunda, Map.class); // already ours (a Spring Security refusal)
        }
        StatusMessages.Message generic = StatusMessages.of(status);
        String english = camunda != null
                        && camunda.hasNonNull("message")
                        && !camunda.get("message").asText().isBlank()
                ? camunda.get("message").asText()
                : generic.english();
        String vietnamese = english.equals(generic.english())
                ? generic.vietnamese()
                : engineSays(status, generic) + " Chi tiết từ bộ máy quy trình (tiếng Anh): " + english;
        Map<String, Object> body = ProblemResponses.body(status, vietnamese, english);
        if (camunda != null && camunda.hasNonNull("type")) {
            body.put("type", camunda.get("type").asText());
        }
        if (camunda != null && camunda.hasNonNull("code")) {
            body.put("code", camunda.get("code").asInt());
        }
        return body;
    }

    /** What the engine's refusal means, when the engine says why (its reason follows, in English). */
    private static String engineSays(int status, StatusMessages.Message generic) {
        return switch (status) {
            case 400 -> "Bộ máy quy trình từ chối yêu cầu vì dữ liệu gửi lên không hợp lệ.";
            case 404 -> "Không tìm thấy đối tượng được yêu cầu trong bộ máy quy trình.";
            default -> generic.vietnamese();
        };
    }

    /** Passes writes through while the status is a success; holds the body of an error answer back. */
    static final class Holding extends HttpServletResponseWrapper {

        final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        PrintWriter writer;
        private boolean holdingBack;

        Holding(HttpServletResponse response) {
            super(response);
        }

        private boolean hold() {
            if (stream == null && writer == null) {
                holdingBack = getStatus() >= 400;
            }
            return holdingBack;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = hold() ? new HeldStream(held) : super.getOutputStream();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = hold()
                        ? new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8))
                        : super.getWriter();
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (getStatus() < 400) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (getStatus() < 400) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holdingBack && getStatus() < 400) {
                super.flushBuffer();
            }
        }

        void release() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (holdingBack && held.size() > 0) {
                // an error status was set, then taken back: the body is what it is
                getResponse().getOutputStream().write(held.toByteArray());
            }
        }
    }

    private static final class HeldStream extends ServletOutputStream {

        private final ByteArrayOutputStream target;

        HeldStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("not asynchronous");
        }
    }
}
