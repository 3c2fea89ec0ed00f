package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * An official's claim or completion that met a concurrent update of the same task or process (the deadline-warning
 * scan flagging the task, a timer firing) failed with the engine's OptimisticLockingException and nothing of it was
 * stored: it is run again, up to {@value #ATTEMPTS} times, instead of answering 500 — Camunda's own advice for that
 * exception. Runs innermost on {@code /engine-rest}, after authentication.
 */
@Configuration(proxyBeanMethods = false)
class ConcurrentUpdateRetry {

    static final int ATTEMPTS = 3;
    /** How many attempts were run again since start (the log says which). */
    static final AtomicInteger RETRIES = new AtomicInteger();

    private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);
    /** The engine's code for "Entity was updated by another transaction concurrently" (OptimisticLockingException). */
    private static final String OPTIMISTIC_LOCKING = "ENGINE-03005";

    private static final Pattern TASK_ACTION =
            Pattern.compile(".*/engine-rest/task/[^/]+/(claim|unclaim|complete|submit-form|assignee|resolve|delegate)");

    @Bean
    FilterRegistrationBean<Retry> engineRestRetry() {
        FilterRegistrationBean<Retry> registration = new FilterRegistrationBean<>(new Retry());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setName("engine-rest-concurrent-update-retry");
        return registration;
    }

    static class Retry extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod())
                    || !TASK_ACTION.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            byte[] body = request.getInputStream().readAllBytes();
            for (int attempt = 1; ; attempt++) {
                ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                chain.doFilter(new ReplayedBody(request, body), answer);
                if (attempt < ATTEMPTS && concurrentUpdate(answer)) {
                    log.info(
                            "{} met a concurrent update (attempt {}), running it again",
                            request.getRequestURI(),
                            attempt);
                    RETRIES.incrementAndGet();
                    answer.resetBuffer();
                    continue;
                }
                answer.copyBodyToResponse();
                return;
            }
        }

        private static boolean concurrentUpdate(ContentCachingResponseWrapper answer) {
            return answer.getStatus() == 500
                    && new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8).contains(OPTIMISTIC_LOCKING);
        }
    }

    /** The request with its body read once and handed out again for each attempt. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
