package vn.motcua.keycloak;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.motcua.signing.TestSigners;

/**
 * The whole application in Keycloak mode against the real Keycloak of {@link KeycloakServer}, on real MariaDB (a
 * database of its own: {@code <test database>_kc}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo", "it", "keycloak"})
@ContextConfiguration(initializers = {KeycloakContext.class, TestSigners.class})
public @interface KeycloakTest {}
