package vn.motcua.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Baseline: a bare Camunda engine built with the Java API on the same MariaDB server and settings as the product
 * (database type mysql, READ COMMITTED, history audit, a Hikari pool of the same size), running the same model with
 * the same variables. No HTTP, no security, no authorizations, none of our tables or engine plugin.
 */
final class BareEngine implements Lifecycle.Driver, AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    BareEngine(String jdbcUrl, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setPoolName("bare-engine");
        dataSource = new HikariDataSource(pool);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration
                .setProcessEngineName("bench-bare-engine")
                .setDataSource(StatementCounter.wrap(dataSource))
                .setDatabaseType("mysql")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
                .setJobExecutorActivate(true);
        // the model's signing steps: the bare engine writes and signs no document (the product's signing is its own
        // work)
        configuration.setBeans(java.util.Map.of("resultSignature", (org.camunda.bpm.engine.delegate.JavaDelegate)
                execution -> execution.setVariable("signature", "signed")));
        configuration.setHistoryTimeToLive("P1825D");
        configuration.setEnforceHistoryTimeToLive(true);
        engine = configuration.buildProcessEngine();
        deploy();
    }

    private void deploy() {
        try {
            DeploymentBuilder deployment = engine.getRepositoryService()
                    .createDeployment()
                    .name("bench")
                    .addClasspathResource("bpmn/standard-procedure.bpmn");
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream content = form.getInputStream()) {
                    deployment.addInputStream("forms/" + form.getFilename(), content);
                }
            }
            deployment.deploy();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the forms to deploy", e);
        }
    }

    @Override
    public String file(Latencies latencies) {
        String code = "000.20.43.H43-%s-%04d"
                .formatted(LocalDate.now().format(DateTimeFormatter.ofPattern("yyMMdd")), SEQUENCE.incrementAndGet());
        latencies.time(
                Lifecycle.FILE,
                () -> engine.getRuntimeService()
                        .startProcessInstanceByKey(
                                Lifecycle.PROCESS_KEY,
                                code,
                                Variables.putValue("dossierCode", code)
                                        .putValue("procedureCode", Lifecycle.PROCEDURE_CODE)
                                        .putValue("procedureName", Lifecycle.PROCEDURE_NAME)));
        return code;
    }

    @Override
    public void complete(String code, Lifecycle.Step step, Latencies latencies) {
        latencies.time(step.taskKey(), () -> {
            Task task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(code)
                    .singleResult();
            if (task == null || !task.getTaskDefinitionKey().equals(step.taskKey())) {
                throw new IllegalStateException(code + " is not at " + step.taskKey());
            }
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), step.official());
            }
            engine.getTaskService().complete(task.getId(), Map.copyOf(step.variables()));
        });
    }

    @Override
    public void close() {
        if (!dataSource.isClosed()) {
            engine.close();
            dataSource.close();
        }
    }
}
