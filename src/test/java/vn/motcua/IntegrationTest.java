package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.motcua.signing.TestSigners;

/** The whole application on a random port, on real MariaDB (profiles {@code mariadb} + {@code demo} + test settings {@code it}), with the test signers ({@link TestSigners}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo", "it"})
@ContextConfiguration(initializers = {FreshDatabase.class, ProxyPort.class, TestSigners.class})
public @interface IntegrationTest {}
