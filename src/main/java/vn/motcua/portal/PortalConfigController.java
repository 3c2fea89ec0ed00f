package vn.motcua.portal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the public pages log a citizen in: on the embedded default on the portal's own login page (a session, see
 * {@code /api/session}), in Keycloak mode through Keycloak's login page (the public client, authorization code + PKCE).
 */
@RestController
class PortalConfigController {

    record PortalConfig(String mode, Keycloak keycloak) {}

    record Keycloak(String url, String realm, String clientId) {}

    private final PortalConfig config;

    PortalConfigController(
            Environment environment,
            @Value("${motcua.keycloak.url:}") String url,
            @Value("${motcua.keycloak.realm:motcua}") String realm,
            @Value("${motcua.portal.client-id:motcua-portal}") String clientId) {
        this.config = environment.acceptsProfiles(Profiles.of("keycloak"))
                ? new PortalConfig("keycloak", new Keycloak(url, realm, clientId))
                : new PortalConfig("embedded", null);
    }

    @GetMapping("/api/portal/config")
    @Operation(
            summary = "How the portal logs citizens in: embedded (session login) or keycloak (its URL, realm, client)")
    PortalConfig config() {
        return config;
    }
}
