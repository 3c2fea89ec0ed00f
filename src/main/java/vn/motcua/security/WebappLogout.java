package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Log out" in Tasklist, Cockpit and Admin is an XMLHttpRequest that only clears Camunda's session, and an XHR cannot
 * follow a redirect to Keycloak: so the server ends the Keycloak session itself (back channel, with the refresh token
 * of the login) and drops the local session. The next page then asks Keycloak for a login again.
 */
class WebappLogout extends OncePerRequestFilter {

    private static final String PATH = "/camunda/api/admin/auth/user/[^/]+/logout";

    private final OAuth2AuthorizedClientRepository clients;
    private final RestClient http = RestClient.create();

    WebappLogout(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.matches(PATH) || !sameXsrfToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user instanceof OAuth2AuthenticationToken login) {
            OAuth2AuthorizedClient client =
                    clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request);
            if (client != null && client.getRefreshToken() != null) {
                endKeycloakSession(client);
            }
        }
        new SecurityContextLogoutHandler().logout(request, response, user);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void endKeycloakSession(OAuth2AuthorizedClient client) {
        ClientRegistration registration = client.getClientRegistration();
        Object endpoint =
                registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endpoint == null) {
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        http.post()
                .uri(endpoint.toString())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toBodilessEntity();
    }

    /** The web apps' own CSRF token: the header must repeat the cookie, so a foreign page cannot log anyone out. */
    private static boolean sameXsrfToken(HttpServletRequest request) {
        String header = request.getHeader("X-XSRF-TOKEN");
        Cookie[] cookies = request.getCookies();
        return header != null
                && cookies != null
                && Arrays.stream(cookies)
                        .anyMatch(c -> c.getName().equals("XSRF-TOKEN") && Objects.equals(c.getValue(), header));
    }
}
