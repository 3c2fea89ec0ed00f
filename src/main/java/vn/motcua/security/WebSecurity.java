package vn.motcua.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Our API: public catalogue and tracking, supplement and withdrawal guarded by the slip's secret, filing for logged-in
 * users: scripts with HTTP Basic, the portal's pages with a login session ({@link PortalSessions}: form login, CSRF
 * token in a cookie). The Camunda web apps keep their own login; {@code /engine-rest} authenticates with HTTP Basic.
 */
@Configuration
@Profile("!keycloak")
class WebSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/api/procedures",
                                "/api/procedures/**",
                                "/api/tracking/**",
                                "/api/calendar/deadline",
                                "/api/forms/*",
                                "/api/portal/config",
                                // the public results page's counts
                                "/api/public/results",
                                "/api/session",
                                // the slip's own check: the applicant's secret or an official's login
                                "/api/dossiers/*/slips/*",
                                // the result's own check, as the slips': the applicant's secret, the filer or an
                                // official
                                "/api/dossiers/*/result",
                                "/api/dossiers/*/result/verification",
                                // the rating's own check: the applicant's secret or the filer's login
                                "/api/dossiers/*/rating")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/dossiers/*/supplements", "/api/dossiers/*/withdrawal")
                        .permitAll()
                        // anyone may check a signed PDF (nothing is stored)
                        .requestMatchers(HttpMethod.POST, "/api/verification")
                        .permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/dossiers/*/rating")
                        .permitAll()
                        // liên thông peers: the Ed25519 signature of each message is the authentication (interagency)
                        .requestMatchers(HttpMethod.POST, "/api/interagency/messages")
                        .permitAll()
                        // the national portal pushing a dossier filed there: its X-Portal-Token is the authentication
                        .requestMatchers(HttpMethod.POST, "/api/national-portal/dossiers")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the Tasklist tab "Hồ sơ": the official's web-app session on the dossier view, files and slips
                .addFilterBefore(new WebappSessionUser(), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityProblems.basic()))
                // the portal's session: a form login that answers the page (204 or 401 with the message), no redirects
                .formLogin(login -> login.loginPage("/portal/dang-nhap.html")
                        .loginProcessingUrl(PortalSessions.LOGIN)
                        .successHandler(PortalSessions.loggedIn())
                        .failureHandler(PortalSessions.refused())
                        .permitAll())
                .logout(logout ->
                        logout.logoutUrl(PortalSessions.LOGOUT).logoutSuccessHandler(PortalSessions.loggedOut()))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(SecurityProblems.basic())
                        .accessDeniedHandler(SecurityProblems.denied()))
                .csrf(csrf -> csrf.csrfTokenRepository(PortalSessions.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(PortalSessions.needsCsrfToken()))
                // a refused request is not kept in the session for a later redirect (the pages ask again themselves)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    /**
     * Camunda's own filter and Basic provider, except that the provider takes the login from {@link BasicLogins}
     * (password checked once per short time-to-live) and hands the filter the groups and tenants with it, so the
     * filter looks nothing up per request.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(BasicLogins logins) {
        ProcessEngineAuthenticationFilter filter = new ProcessEngineAuthenticationFilter() {
            @Override
            public void init(FilterConfig config) throws ServletException {
                super.init(config);
                authenticationProvider = new CachedBasicProvider(logins);
            }
        };
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        // after Spring Security, before the retry of concurrent updates (which runs innermost)
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setName("engine-rest-authentication");
        return registration;
    }

    /** HTTP Basic as Camunda reads it (user name up to the first colon), the login from {@link BasicLogins}. */
    static final class CachedBasicProvider extends HttpBasicAuthenticationProvider {

        private final BasicLogins logins;

        CachedBasicProvider(BasicLogins logins) {
            this.logins = logins;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
                return AuthenticationResult.unsuccessful();
            }
            String credentials;
            try {
                credentials = new String(
                        Base64.getDecoder()
                                .decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length())
                                        .trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                return AuthenticationResult.unsuccessful();
            }
            String user = credentials.substring(0, colon);
            return logins.check(user, credentials.substring(colon + 1))
                    .map(login -> {
                        AuthenticationResult result = AuthenticationResult.successful(login.user());
                        result.setGroups(login.groups());
                        result.setTenants(login.tenants());
                        return result;
                    })
                    .orElseGet(() -> AuthenticationResult.unsuccessful(user));
        }
    }
}
