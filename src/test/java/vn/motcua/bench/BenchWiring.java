package vn.motcua.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmark adds to the application, only under profile {@code bench}: statement counting on the data source
 * and the floors for tracking and catalogue search, one raw JDBC point select on {@code dossier} and one on
 * {@code catalog_procedure}, answered as JSON.
 */
@Configuration
@Profile("bench")
class BenchWiring {

    static final String RAW_LOOKUP = "/bench/raw-lookup/";
    static final String RAW_PROCEDURE = "/bench/raw-procedure/";

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? StatementCounter.wrap(dataSource) : bean;
            }
        };
    }

    @RestController
    @Profile("bench")
    static class RawLookup {

        private final DataSource dataSource;

        RawLookup(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @GetMapping(RAW_LOOKUP + "{code}")
        ResponseEntity<Map<String, Object>> lookup(@PathVariable String code) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("""
                            select code, status, procedure_code, received_at, due_at, finished_at, current_step
                              from dossier
                             where code = ?
                            """)) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return ResponseEntity.notFound().build();
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("code", row.getString(1));
                    body.put("status", row.getInt(2));
                    body.put("procedureCode", row.getString(3));
                    body.put("receivedAt", row.getTimestamp(4).toLocalDateTime());
                    body.put("dueAt", row.getTimestamp(5).toLocalDateTime());
                    body.put(
                            "finishedAt",
                            row.getTimestamp(6) == null
                                    ? null
                                    : row.getTimestamp(6).toLocalDateTime());
                    body.put("currentStep", row.getString(7));
                    return ResponseEntity.ok(body);
                }
            }
        }
    }

    @RestController
    @Profile("bench")
    static class RawProcedure {

        private final DataSource dataSource;

        RawProcedure(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @GetMapping(RAW_PROCEDURE + "{code}")
        ResponseEntity<Map<String, Object>> lookup(@PathVariable String code) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("""
                            select code, name, sector, agency_code, online_level, legal_time, time_unit, version
                              from catalog_procedure
                             where code = ?
                            """)) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return ResponseEntity.notFound().build();
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("code", row.getString(1));
                    body.put("name", row.getString(2));
                    body.put("sector", row.getString(3));
                    body.put("agencyCode", row.getString(4));
                    body.put("onlineLevel", row.getString(5));
                    body.put("legalTime", row.getInt(6));
                    body.put("timeUnit", row.getString(7));
                    body.put("version", row.getInt(8));
                    return ResponseEntity.ok(body);
                }
            }
        }
    }
}
