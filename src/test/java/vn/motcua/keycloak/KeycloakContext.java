package vn.motcua.keycloak;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import vn.motcua.FreshDatabase;

/** Points the application at the test Keycloak (URL, generated secrets) and at a fresh database of its own. */
public class KeycloakContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        KeycloakServer keycloak = KeycloakServer.get();
        String database = System.getenv().getOrDefault("MOTCUA_TEST_DB", "motcua_test") + "_kc";
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-keycloak",
                        Map.of(
                                "motcua.keycloak.url",
                                keycloak.url,
                                "MOTCUA_WEB_CLIENT_SECRET",
                                keycloak.secrets.get("motcua-web"),
                                "MOTCUA_IDENTITY_CLIENT_SECRET",
                                keycloak.secrets.get("motcua-identity"),
                                "MOTCUA_PEER_CLIENT_SECRET",
                                keycloak.secrets.get("motcua-peer"),
                                "motcua.test.database",
                                database)));
        new FreshDatabase().initialize(context);
    }
}
