package vn.motcua.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Keycloak mode: bearer tokens (audience {@code motcua-api}) for our API and the engine REST API, single sign-on for
 * Tasklist, Cockpit and Admin. Departments come from the token's {@code groups} claim, functional roles from its realm
 * roles; Camunda receives the user and the departments from Spring Security and enforces its own authorizations.
 */
@Configuration
@Profile("keycloak")
class KeycloakSecurity {

    /** Realm roles allowed on the officials' endpoint; citizens and peer systems have none of them. */
    static final String[] OFFICIALS = {
        "reception-officer",
        "specialist",
        "department-head",
        "agency-leader",
        "clerk",
        "process-designer",
        "administrator"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http) throws Exception {
        // path patterns on the whole URI: the engine REST API is a servlet of its own, outside Spring MVC's paths
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/api/procedures",
                                "/api/procedures/**",
                                "/api/tracking/**",
                                // what the portal's public pages read before anyone logs in
                                "/api/calendar/deadline",
                                "/api/forms/*",
                                "/api/portal/config",
                                // the public results page's counts
                                "/api/public/results",
                                // the slip's own check: the applicant's secret, the filer or an official
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
                        // liên thông peers: a motcua-peer token, and each message's Ed25519 signature checked by
                        // interagency
                        .requestMatchers(HttpMethod.POST, "/api/interagency/messages")
                        .hasRole("peer-system")
                        // the national portal pushing a dossier filed there: its X-Portal-Token is the authentication
                        .requestMatchers(HttpMethod.POST, "/api/national-portal/dossiers")
                        .permitAll()
                        .requestMatchers(paths.matcher("/engine-rest/**"))
                        .hasAnyRole(OFFICIALS)
                        // a peer's token delivers messages and reads what is public, nothing else (no filing, no
                        // "my dossiers" of its service account)
                        .anyRequest()
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("peer-system")))))
                // the Tasklist tab "Hồ sơ": the official's web-app session on the dossier view, files and slips
                .addFilterBefore(new WebappSessionUser(), AnonymousAuthenticationFilter.class)
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakSecurity::user))
                                .authenticationEntryPoint(SecurityProblems.bearer())
                                .accessDeniedHandler(SecurityProblems.bearerDenied()))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(SecurityProblems.bearer())
                        .accessDeniedHandler(SecurityProblems.bearerDenied()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webapps(
            HttpSecurity http, ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/actuator/health",
                                "/actuator/info",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**")
                        .permitAll()
                        // the public pages: citizens log in there through Keycloak (keycloak-js, client motcua-portal)
                        .requestMatchers(HttpMethod.GET, "/portal/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(
                        login -> login.userInfoEndpoint(info -> info.userAuthoritiesMapper(KeycloakSecurity::user)))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .addFilterBefore(new WebappLogout(clients), LogoutFilter.class)
                // the web apps guard their own API with Camunda's CSRF filter (X-XSRF-TOKEN); ours would refuse it
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**"))
                .build();
    }

    /** Camunda's web apps take the Spring Security user; ordered after Spring Security's filter chain. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityUser.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setName("webapp-authentication");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityUser.class.getName());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setName("engine-rest-authentication");
        return registration;
    }

    /** An access token for motcua-api: user name, departments (groups claim) and functional roles. */
    static JwtAuthenticationToken user(Jwt token) {
        List<GrantedAuthority> authorities = new ArrayList<>(departments(token.getClaimAsStringList("groups")));
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return new JwtAuthenticationToken(token, authorities, token.getClaimAsString("preferred_username"));
    }

    /** A web-app login: keeps Spring's authorities and adds the departments of the ID token. */
    static Collection<GrantedAuthority> user(Collection<? extends GrantedAuthority> granted) {
        Stream<GrantedAuthority> departments = granted.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .flatMap(
                        a -> departments(((OidcUserAuthority) a).getIdToken().getClaimAsStringList("groups")).stream());
        return Stream.concat(granted.stream(), departments).distinct().toList();
    }

    private static List<GrantedAuthority> departments(List<String> groups) {
        return groups == null
                ? List.of()
                : groups.stream()
                        .map(g -> g.startsWith("/") ? g.substring(1) : g)
                        .map(Department::new)
                        .map(GrantedAuthority.class::cast)
                        .toList();
    }
}
