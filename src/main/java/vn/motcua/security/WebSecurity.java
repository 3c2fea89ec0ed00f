package vn.motcua.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Our API: public catalogue and tracking, supplement and withdrawal guarded by the slip's secret, filing for logged-in
 * users. The Camunda web apps keep their own login; {@code /engine-rest} authenticates with HTTP Basic.
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
                                // the slip's own check: the applicant's secret or an official's login
                                "/api/dossiers/*/slips/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/dossiers/*/supplements", "/api/dossiers/*/withdrawal")
                        .permitAll()
                        // liên thông peers: the HMAC signature of each message is the authentication (interagency)
                        .requestMatchers(HttpMethod.POST, "/api/interagency/messages")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        return registration;
    }
}
