package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product started as a province runs it: profile {@code mariadb} without {@code demo}, as a process of its own on
 * real MariaDB, with a database user whose password is not a known default ({@code .ci/mariadb.sh} creates it). It
 * carries no demo data; and a start with a secret missing or left at a default is refused, naming the setting.
 */
class ProductionProfileTests {

    static final String USER = env("MOTCUA_TEST_PROD_DB_USER", "motcua_prod");
    static final String PASSWORD = env("MOTCUA_TEST_PROD_DB_PASSWORD", "prod-test-7Qv2kX9d");

    static final Installation production = Installation.named("production", "p")
            .withoutDemo()
            .property("spring.datasource.username", USER)
            .environment("MOTCUA_DB_PASSWORD", PASSWORD)
            .localAgencies("000.20.43.H43");

    @RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher logs = Installation.logsOnFailure(production);

    @AfterAll
    static void stop() {
        production.stop();
    }

    @Test
    void startedWithoutDemoTheProductHasNoDemoUserAndNoDemoProcedure() {
        production.start();

        assertThat(production.api().get("/api/procedures").body()).isEmpty();
        assertThat(production.api().get("/api/procedures/1.009994.H43").status())
                .isEqualTo(404);
        assertThat(production.query("select count(*) as n from catalog_procedure"))
                .containsExactly(java.util.Map.of("n", 0L));
        assertThat(production.query("select count(*) as n from agency")).containsExactly(java.util.Map.of("n", 0L));
        assertThat(production.query("select count(*) as n from ACT_ID_USER"))
                .containsExactly(java.util.Map.of("n", 0L));
        assertThat(production.query("select count(*) as n from ACT_ID_GROUP"))
                .containsExactly(java.util.Map.of("n", 0L));
        assertThat(production.query("select count(*) as n from flyway_schema_history where version in ('100', '101')"))
                .containsExactly(java.util.Map.of("n", 0L));
        // the demo administrator of the embedded default cannot log in
        assertThat(production.api().get("/api/dossiers/mine", "admin").status()).isEqualTo(401);
        assertThat(production.api().get("/engine-rest/user", "admin").status()).isEqualTo(401);
    }

    @Test
    void aDatabasePasswordLeftAtTheOldDefaultIsRefusedNamingIt() {
        Installation refused = Installation.named("production-default-password", "p")
                .withoutDemo()
                .environment("MOTCUA_DB_PASSWORD", "motcua");

        assertThat(refused.runUntilExit()).isNotZero();
        assertThat(refused.logTail(60))
                .contains("spring.datasource.password (environment variable MOTCUA_DB_PASSWORD) is left at a known"
                        + " default")
                .doesNotContain("Started MotCuaApplication");
    }

    @Test
    void aMissingDatabasePasswordIsRefusedNamingIt() {
        Installation refused =
                Installation.named("production-no-password", "p").withoutDemo().environment("MOTCUA_DB_PASSWORD", null);

        assertThat(refused.runUntilExit()).isNotZero();
        assertThat(refused.logTail(60))
                .contains("spring.datasource.password (environment variable MOTCUA_DB_PASSWORD) is missing");
    }

    @Test
    void aMissingOrLocalhostPublicAddressIsRefusedNamingIt() {
        Installation missing = withPublicUrl("production-no-public-url", "");
        assertThat(missing.runUntilExit()).isNotZero();
        assertThat(missing.logTail(60))
                .contains("motcua.public-url (environment variable MOTCUA_PUBLIC_URL) is missing")
                .doesNotContain("MOTCUA_DB_PASSWORD");

        Installation demoAddress = withPublicUrl("production-localhost-url", "http://localhost:8080");
        assertThat(demoAddress.runUntilExit()).isNotZero();
        assertThat(demoAddress.logTail(60))
                .contains("motcua.public-url (environment variable MOTCUA_PUBLIC_URL) is left at a known default");
    }

    private static Installation withPublicUrl(String name, String publicUrl) {
        return Installation.named(name, "p")
                .withoutDemo()
                .environment("MOTCUA_DB_PASSWORD", PASSWORD)
                .property("spring.datasource.username", USER)
                .property("motcua.public-url", publicUrl);
    }

    @Test
    void keycloakModeWithoutItsClientSecretsOrTheAgenciesSigningKeysIsRefusedNamingEach() {
        Installation refused = Installation.named("production-keycloak", "p")
                .withoutDemo()
                .profile("keycloak")
                .environment("MOTCUA_DB_PASSWORD", PASSWORD)
                .property("spring.datasource.username", USER);

        assertThat(refused.runUntilExit()).isNotZero();
        assertThat(refused.logTail(60))
                .contains("(environment variable MOTCUA_WEB_CLIENT_SECRET) is missing")
                .contains("(environment variable MOTCUA_IDENTITY_CLIENT_SECRET) is missing")
                .contains("(environment variable MOTCUA_PEER_CLIENT_SECRET) is missing")
                .contains("motcua.interagency.keys[000.20.43.H43].private-key (or"
                        + " motcua.interagency.keys[000.20.43.H43].private-key-file) is missing")
                .doesNotContain("MOTCUA_DB_PASSWORD");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
