package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Tasklist tab "Hồ sơ" reads the officials' dossier view and its files with the browser's Tasklist session, which
 * sends no credentials of its own: on those read-only paths (GET only), a request with no Authorization header is the
 * official logged in to the Camunda web apps, with their departments, as Camunda's session holds them (both modes).
 */
class WebappSessionUser extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !(path.startsWith("/api/officials/") || path.matches("/api/dossiers/[^/]+/slips/[^/]+"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            if (AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE)
                    instanceof UserAuthentication user) {
                List<GrantedAuthority> departments = user.getGroupIds().stream()
                        .map(Department::new)
                        .map(GrantedAuthority.class::cast)
                        .toList();
                SecurityContextHolder.getContext()
                        .setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, departments));
            }
        }
        chain.doFilter(request, response);
    }
}
