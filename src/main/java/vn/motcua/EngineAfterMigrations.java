package vn.motcua;

import java.util.Set;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built after the database is migrated (Flyway creates the engine's tables, see
 * {@link EngineTables}): Spring Boot makes every bean found here depend on its database initializers, Flyway's
 * included, as it does for JPA and {@code JdbcTemplate}. Registered in {@code META-INF/spring.factories}.
 */
class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class);
    }
}
