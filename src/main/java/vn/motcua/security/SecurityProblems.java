package vn.motcua.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.motcua.api.ProblemResponses;

/**
 * Spring Security's refusals with a body a person can read: 401 and 403 as problem details, with the
 * {@code WWW-Authenticate} challenge the scheme asks for (empty bodies before).
 */
final class SecurityProblems {

    private SecurityProblems() {}

    /** HTTP Basic (embedded mode): the challenge, then the problem. */
    static AuthenticationEntryPoint basic() {
        return (request, response, refusal) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mot Cua\", charset=\"UTF-8\"");
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
        return (request, response, refusal) -> ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN);
    }

    static AccessDeniedHandler bearerDenied() {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, refusal) -> {
            challenge.handle(request, response, refusal);
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN);
        };
    }
}
