package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a MariaDB database emptied for the run, the engine (which never alters its schema) starts on tables made by
 * Flyway migration 0.2, and a database migrated before 0.2 existed (engine tables made by the engine) takes 0.2 out of
 * order without touching them. Ordered: the second test rewrites the history that the first one reads.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineTablesTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    @Order(1)
    void aFreshDatabaseGetsTheEngineTablesFromTheFirstMigrationsBeforeOurOwn() {
        assertThat(engineConfiguration.getDatabaseSchemaUpdate())
                .isEqualTo(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        assertThat(jdbc.queryForList("select version, description, type, script, success from flyway_schema_history"
                        + " where version is not null order by installed_rank limit 3"))
                .containsExactly(
                        Map.of(
                                "version", "0.1",
                                "description", "utf8mb4",
                                "type", "SQL",
                                "script", "V0_1__utf8mb4.sql",
                                "success", true),
                        Map.of(
                                "version", "0.2",
                                "description", "engine tables",
                                "type", "JDBC",
                                "script", "vn.motcua.EngineTables",
                                "success", true),
                        Map.of(
                                "version", "1",
                                "description", "catalog",
                                "type", "SQL",
                                "script", "V1__catalog.sql",
                                "success", true));
        // a fresh schema: nothing to baseline
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where type = 'BASELINE'", Integer.class))
                .isZero();
        // one entry: the create scripts of 7.24.0, and no update by the engine itself
        assertThat(jdbc.queryForList("select version_ from ACT_GE_SCHEMA_LOG", String.class))
                .containsExactly("7.24.0");
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.tables where table_schema = database()"
                                + " and table_name in ('ACT_RU_EXECUTION', 'ACT_HI_PROCINST', 'ACT_ID_USER',"
                                + " 'ACT_RE_CASE_DEF', 'ACT_HI_CASEINST', 'ACT_RE_DECISION_DEF', 'ACT_HI_DECINST')",
                        Integer.class))
                .isEqualTo(7);

        Deployment deployment = repository
                .createDeployment()
                .name("engine-tables-check")
                .addModelInstance(
                        "engine_tables_check.bpmn",
                        Bpmn.createExecutableProcess("engine_tables_check")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .endEvent()
                                .done())
                .deploy();
        try {
            ProcessInstance instance = runtime.startProcessInstanceByKey("engine_tables_check");
            assertThat(instance.isEnded()).isTrue();
            HistoricProcessInstance done = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(done.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    @Order(2)
    void aDatabaseMigratedBeforeTheEngineTablesMigrationTakesItOutOfOrderAndKeepsTheEngineData() {
        Integer highest = jdbc.queryForObject("select max(installed_rank) from flyway_schema_history", Integer.class);
        int deployments = jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Integer.class);
        assertThat(deployments).isPositive();
        // as on a database of the earlier version: the engine made its tables, Flyway applied 0.1 to 101 without 0.2
        jdbc.update("delete from flyway_schema_history where version = '0.2'");

        MigrateResult result = flyway.migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(result.migrations.get(0).version).isEqualTo("0.2");
        assertThat(jdbc.queryForMap("select installed_rank, success from flyway_schema_history where version = '0.2'"))
                .isEqualTo(Map.of("installed_rank", highest + 1, "success", true));
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Integer.class))
                .isEqualTo(deployments);
        assertThat(jdbc.queryForList("select version_ from ACT_GE_SCHEMA_LOG", String.class))
                .containsExactly("7.24.0");
        assertThat(flyway.info().pending()).isEmpty();
    }
}
