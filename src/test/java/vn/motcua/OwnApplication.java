package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that boots an application of its own (other settings or another database than {@link IntegrationTest}'s
 * shared one) runs in a JVM of its own (Surefire execution {@code own-applications}): Camunda's web apps and REST API
 * keep JVM-wide statics, and an application that closes sets them to null under the shared one (its Tasklist then
 * answers 500), while one that starts registers its engine where the shared one's REST API looks it up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-application")
public @interface OwnApplication {}
