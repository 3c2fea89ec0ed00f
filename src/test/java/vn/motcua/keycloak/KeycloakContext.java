package vn.motcua.keycloak;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import vn.motcua.FreshDatabase;
import vn.motcua.nationalportal.PortalEmulator;

/**
 * Points the application at the test Keycloak (URL, generated secrets), at a fresh database of its own, and at the
 * national portal's emulator (a process of its own, stopped when the test JVM ends).
 */
public class KeycloakContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PortalEmulator portal;

    /** The national portal's emulator the Keycloak-mode application is linked to, one per test JVM. */
    static synchronized PortalEmulator portal() {
        if (portal == null) {
            portal = PortalEmulator.named("keycloak-mode").start();
        }
        return portal;
    }

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
                                database,
                                // production shape: the installation linked to the national portal (its emulator)
                                "motcua.national-portal.url",
                                portal().url().toString(),
                                "motcua.national-portal.username",
                                "motcua",
                                "motcua.national-portal.password",
                                "motcua-demo",
                                "motcua.national-portal.poll",
                                "PT0.5S")));
        new FreshDatabase().initialize(context);
    }
}
