package vn.motcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * A production start (profile {@code mariadb} or {@code keycloak}, without {@code demo}) is refused, before anything
 * else starts, when a required secret is missing or left at a value this repository ships or tests with. The list of
 * secrets is {@link #SECRETS}, in this one place; {@link MissingSecretAnalyzer} prints the refusal.
 */
class RequiredSecrets implements EnvironmentPostProcessor, Ordered {

    /** A secret: its property, the environment variable that sets it, and the profile that needs it (null: always). */
    record Secret(String property, String variable, String profile) {}

    static final List<Secret> SECRETS = List.of(
            new Secret("spring.datasource.password", "MOTCUA_DB_PASSWORD", "mariadb"),
            new Secret(
                    "spring.security.oauth2.client.registration.keycloak.client-secret",
                    "MOTCUA_WEB_CLIENT_SECRET",
                    "keycloak"),
            new Secret("motcua.keycloak.identity.client-secret", "MOTCUA_IDENTITY_CLIENT_SECRET", "keycloak"),
            new Secret("motcua.interagency.peer-token.client-secret", "MOTCUA_PEER_CLIENT_SECRET", "keycloak"),
            // not a secret, but as required: every slip's QR code and link, and the filing's tracking link, start with
            // it
            new Secret("motcua.public-url", "MOTCUA_PUBLIC_URL", null));

    /** Values committed in this repository (demo, tests, old defaults) or guessed first: never a production secret. */
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "motcua",
            "demo",
            "sa",
            "it-handoff-key",
            "secret",
            "password",
            "changeme",
            "change-me",
            "admin",
            "http://localhost:8080");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new MissingSecretException(String.join("; ", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("demo"))
                || !environment.acceptsProfiles(Profiles.of("mariadb | keycloak"))) {
            return problems;
        }
        for (Secret secret : SECRETS) {
            if (secret.profile() != null && !environment.acceptsProfiles(Profiles.of(secret.profile()))) {
                continue;
            }
            String value = value(environment, secret.property());
            if (value == null || value.isBlank()) {
                problems.add(secret.property() + " (environment variable " + secret.variable() + ") is missing");
            } else if (KNOWN_DEFAULTS.contains(value.trim().toLowerCase(Locale.ROOT))) {
                problems.add(secret.property() + " (environment variable " + secret.variable()
                        + ") is left at a known default");
            }
        }
        signingKeys(environment, problems);
        return problems;
    }

    /** Liên thông: an agency served here without its private key would sign with a pair made per start. */
    private static void signingKeys(ConfigurableEnvironment environment, List<String> problems) {
        for (String agency :
                environment.getProperty("motcua.interagency.local-agencies", "").split(",")) {
            String key = "motcua.interagency.keys[" + agency.trim() + "].";
            if (!agency.isBlank()
                    && blank(value(environment, key + "private-key"))
                    && blank(value(environment, key + "private-key-file"))) {
                problems.add(key + "private-key (or " + key
                        + "private-key-file) is missing: no peer could verify what this agency signs");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String value(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return null;
        }
    }

    /** After the configuration files are read (profiles known), before logging and the application context. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A refused production start; the message names each secret and its environment variable. */
    static final class MissingSecretException extends IllegalStateException {
        MissingSecretException(String problems) {
            super("Refusing to start in production (profile mariadb or keycloak without demo): " + problems);
        }
    }
}
