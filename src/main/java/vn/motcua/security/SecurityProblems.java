package vn.motcua.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import vn.motcua.api.ProblemResponses;

/**
 * Spring Security's refusals with a body a person can read: 401 and 403 as problem details, with the
 * {@code WWW-Authenticate} challenge the scheme asks for (empty bodies before).
 */
final class SecurityProblems {

    private SecurityProblems() {}

    /**
     * HTTP Basic (embedded mode): the challenge, then the problem. A page's own request gets no challenge, so the
     * browser opens no password dialog of its own; the page shows its login instead.
     */
    static AuthenticationEntryPoint basic() {
        return (request, response, refusal) -> {
            if (!PortalSessions.fromAPage(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Mot Cua\", charset=\"UTF-8\"");
            }
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** Bearer tokens (Keycloak mode): Spring's challenge (with the token's error), then the problem. */
    static AuthenticationEntryPoint bearer() {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, refusal) -> {
            challenge.commence(request, response, refusal);
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    static AccessDeniedHandler denied() {
        return (request, response, refusal) -> {
            if (refusal instanceof CsrfException) {
                ProblemResponses.write(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang của Một Cửa. Vui lòng tải lại"
                                + " trang và thử lại.",
                        "The session has expired or the request did not come from a Một Cửa page. Please reload"
                                + " the page and try again.");
                return;
            }
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN);
        };
    }

    static AccessDeniedHandler bearerDenied() {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, refusal) -> {
            challenge.handle(request, response, refusal);
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN);
        };
    }
}
