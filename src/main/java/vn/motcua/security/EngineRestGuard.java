package vn.motcua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.catalog.DepartmentRoutes;

/**
 * The engine REST API is for officials only, in every mode: after the engine's authentication filter has named the
 * caller, a caller in none of the officials' groups (a citizen, a peer system, anyone else) gets 403. On the embedded
 * default the engine's own authorizations would otherwise let any identity in; Keycloak mode also checks the realm
 * roles before. Models are deployed from the build: creating or redeploying a deployment over REST is refused unless
 * {@code motcua.deployments.rest-enabled} (profile {@code staging}), where the engine's model check judges them.
 */
@Configuration
class EngineRestGuard {

    private static final Pattern OFFICIAL_DEPARTMENT = Pattern.compile(".+-(reception|head|specialist|leader|clerk)");
    private static final Pattern DEPLOYMENT_WRITE =
            Pattern.compile("(/engine/[^/]+)?/deployment/(create|[^/]+/redeploy)/?");

    @Bean
    FilterRegistrationBean<Guard> engineRestGuardFilter(
            IdentityService identity,
            ObjectMapper json,
            DepartmentRoutes routes,
            @Value("${motcua.deployments.rest-enabled:false}") boolean restDeployments) {
        FilterRegistrationBean<Guard> registration =
                new FilterRegistrationBean<>(new Guard(identity, json, routes::routesTo, restDeployments));
        registration.addUrlPatterns("/engine-rest/*");
        // right after the engine's authentication filter (DEFAULT_FILTER_ORDER + 1), before the retry (innermost)
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setName("engine-rest-guard");
        return registration;
    }

    /**
     * An official: an administrator, a designer, or a member of a department, which is a group some department route
     * gives steps to (a new ward's groups, whatever they are called) or one named like the realm's
     * {@code <unit>-<role>}.
     */
    static boolean official(List<String> groups, Predicate<String> routed) {
        return groups != null
                && groups.stream()
                        .anyMatch(g -> DemoIdentity.ADMIN_GROUP.equals(g)
                                || DemoIdentity.DESIGNERS_GROUP.equals(g)
                                || OFFICIAL_DEPARTMENT.matcher(g).matches()
                                || routed.test(g));
    }

    static final class Guard extends OncePerRequestFilter {

        private final IdentityService identity;
        private final ObjectMapper json;
        private final Predicate<String> routed;
        private final boolean restDeployments;

        Guard(IdentityService identity, ObjectMapper json, Predicate<String> routed, boolean restDeployments) {
            this.identity = identity;
            this.json = json;
            this.routed = routed;
            this.restDeployments = restDeployments;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication caller = identity.getCurrentAuthentication();
            if (caller == null) {
                // the engine's filter has answered 401 already, or the path needs no login (e.g. /engine-rest/engine)
                chain.doFilter(request, response);
                return;
            }
            if (!official(caller.getGroupIds(), routed)) {
                refuse(
                        response,
                        "API của bộ máy quy trình chỉ dành cho cán bộ; công dân và hệ thống liên thông không được"
                                + " dùng.",
                        "The engine REST API is for officials only; citizens and peer systems may not use it.");
                return;
            }
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            if (!restDeployments
                    && "POST".equalsIgnoreCase(request.getMethod())
                    && DEPLOYMENT_WRITE.matcher(path).matches()) {
                refuse(
                        response,
                        "Mô hình quy trình được triển khai từ bản dựng; không triển khai qua API ở môi trường này"
                                + " (chỉ môi trường staging cho phép).",
                        "Process models are deployed from the build; REST deployment is refused here (only the"
                                + " staging profile allows it).");
                return;
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, String vietnamese, String english) throws IOException {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Forbidden");
            problem.put("status", 403);
            problem.put("detail", english);
            problem.put("message", vietnamese);
            problem.put("messageEn", english);
            response.setStatus(403);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
