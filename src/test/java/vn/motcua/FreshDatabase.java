package vn.motcua;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Empties each integration-test database once per test run, before the first application context starts on it. */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (DONE.add(context.getEnvironment().getRequiredProperty("motcua.test.database"))) {
            recreate(context.getEnvironment());
        }
    }

    static void recreate(Environment environment) {
        recreate(
                environment.getRequiredProperty("motcua.test.database"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    /** Drops and creates the database {@code name} (which must be a {@code motcua_test*} one), empty, utf8mb4. */
    public static void recreate(String name, String user, String password) {
        String url = "jdbc:mariadb://127.0.0.1:3306/";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            if (!name.matches("motcua_test\\w*")) {
                throw new IllegalStateException("Refusing to empty a database not named motcua_test*: " + name);
            }
            sql.execute("drop database if exists " + name);
            sql.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Integration tests need MariaDB on 127.0.0.1:3306 with user motcua/motcua (bash .ci/run sets it up)",
                    e);
        }
    }
}
