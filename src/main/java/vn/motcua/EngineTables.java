package vn.motcua;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 0.2: the process engine's tables, from the create scripts shipped in the camunda-engine jar, in the
 * order the engine itself runs them. The engine never alters its schema ({@code schema-update: false}); Flyway runs
 * before the engine is built ({@link EngineAfterMigrations}). A database created by an earlier version, where the
 * engine made its own tables at start-up, already has them: then this migration is recorded and changes nothing.
 *
 * <p>A bean, not a class found under a {@code db/migration} location: Spring Boot hands every {@code JavaMigration}
 * bean to Flyway, and this one needs no package named after a location.
 */
@Component
class EngineTables implements JavaMigration {

    /** Component order of {@code DbSqlSession.dbSchemaCreate}: engine, history, identity, case, decision. */
    private static final List<String> SCRIPTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    private final Environment environment;

    EngineTables(Environment environment) {
        this.environment = environment;
    }

    @Override
    public MigrationVersion getVersion() {
        // below our first migration (V1) and above MariaDB's character set (V0_1); applied out of order on databases
        // migrated before it existed (spring.flyway.out-of-order)
        return MigrationVersion.fromVersion("0.2");
    }

    @Override
    public String getDescription() {
        return "engine tables";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (hasTable(connection, "ACT_GE_PROPERTY")) {
            return;
        }
        String type = databaseType(connection);
        for (String component : SCRIPTS) {
            String script = "org/camunda/bpm/engine/db/create/activiti." + type + ".create." + component + ".sql";
            ScriptUtils.executeSqlScript(
                    connection, new ClassPathResource(script, getClass().getClassLoader()));
        }
    }

    /** The engine's database type: {@code camunda.bpm.database.type} when set, otherwise from the JDBC driver. */
    private String databaseType(Connection connection) throws SQLException {
        String configured = environment.getProperty("camunda.bpm.database.type", "");
        if (!configured.isBlank()) {
            return configured;
        }
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "H2" -> "h2";
            case "MySQL", "MariaDB" -> "mysql";
            default ->
                throw new IllegalStateException(
                        "No engine tables known for database " + product + ": set camunda.bpm.database.type");
        };
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String candidate : List.of(name, name.toLowerCase())) {
            try (ResultSet tables =
                    metaData.getTables(connection.getCatalog(), connection.getSchema(), candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
