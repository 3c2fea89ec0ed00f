package vn.motcua.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.motcua.api.ProblemResponses;

/**
 * The portal's login session on the embedded default (Spring Security form login at {@value #LOGIN}): answers a page
 * reads (no redirects, no Basic challenge) and the CSRF rule for requests the session cookie could carry.
 *
 * <p>CSRF: the token sits in the cookie {@value #CSRF_COOKIE} (readable by the portal's script, sent back in the
 * header {@value #CSRF_HEADER}); it is asked of the login itself and of every state-changing request that may ride on
 * the session cookie (one that comes with a session and without an {@code Authorization} header), and of any change a
 * browser says comes from another site ({@code Sec-Fetch-Site}). A request without a session has nothing to ride on
 * (it is then simply not logged in: 401), a script's {@code curl -u} needs no token; supplements and withdrawals (the
 * slip's secret) and signed liên thông messages never use the session, so need none either.
 */
final class PortalSessions {

    static final String LOGIN = "/api/session/login";
    static final String LOGOUT = "/api/session/logout";
    static final String CSRF_COOKIE = "MOTCUA-XSRF-TOKEN";
    static final String CSRF_HEADER = "X-MOTCUA-XSRF-TOKEN";

    static final String WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.";
    static final String WRONG_PASSWORD_EN = "Wrong user name or password. Please try again.";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private PortalSessions() {}

    static AuthenticationSuccessHandler loggedIn() {
        return (request, response, user) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    static AuthenticationFailureHandler refused() {
        return (request, response, refusal) -> ProblemResponses.write(
                response, HttpServletResponse.SC_UNAUTHORIZED, WRONG_PASSWORD, WRONG_PASSWORD_EN);
    }

    static LogoutSuccessHandler loggedOut() {
        return (request, response, user) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** Which requests must carry the CSRF token (see the class comment). */
    static RequestMatcher needsCsrfToken() {
        return request -> !SAFE.contains(request.getMethod())
                && !secretOrSigned(request)
                && (isLogin(request)
                        || fromAnotherSite(request)
                        || (request.getRequestedSessionId() != null
                                && request.getHeader(HttpHeaders.AUTHORIZATION) == null));
    }

    private static boolean isLogin(HttpServletRequest request) {
        return path(request).equals(LOGIN);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A fetch from a page is told "log in" without the Basic challenge, which would open the browser's own dialog. */
    static boolean fromAPage(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || (mode != null && !mode.equals("navigate"));
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equals(site) || "same-site".equals(site);
    }

    private static boolean secretOrSigned(HttpServletRequest request) {
        String path = path(request);
        return HttpMethod.POST.matches(request.getMethod())
                && (path.matches("/api/dossiers/[^/]+/(supplements|withdrawal)")
                        || path.equals("/api/interagency/messages"));
    }
}
