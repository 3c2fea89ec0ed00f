package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The demo catalogue is a catalogue import (issue 16): db/demo/catalogue.json, imported once at the demo's first
 * start, like any province's file; later starts and nodes starting together import it once.
 */
@IntegrationTest
class DemoCatalogueTests {

    static final List<String> DEMO = List.of(
            "1.009994.H43",
            "1.009991.H43",
            "2.000635.H43",
            "2.000815.H43",
            "1.001193.H43",
            "1.004194.H43",
            "1.001001.H43");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    DemoCatalogue demo;

    @Autowired
    CatalogueImports imports;

    @AfterEach
    void removeTheGeneratedProcedures() {
        for (String table : List.of(
                "catalog_version_step_budget",
                "catalog_version_component",
                "catalog_procedure_version",
                "catalog_step_budget",
                "catalog_component")) {
            sql.update("delete from " + table + " where procedure_code like '9.%'");
        }
        sql.update("delete from catalog_procedure where code like '9.%'");
        sql.update("update catalog_generation set generation = generation + 1");
        sql.update("delete from catalog_import where id not in (select import_id from catalog_procedure_version"
                + " where import_id is not null)");
    }

    @Test
    void theDemoProceduresCameInAsOneImportOfTheFile() {
        List<Long> ids = sql.queryForList(
                "select id from catalog_import where imported_by = 'demo' and file_name = 'catalogue.json'",
                Long.class);
        assertThat(ids).hasSize(1);
        long id = ids.get(0);
        assertThat(sql.queryForObject("select procedures from catalog_import where id = ?", Integer.class, id))
                .isEqualTo(7);
        assertThat(sql.queryForObject("select effective_from from catalog_import where id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(sql.queryForList(
                        "select procedure_code from catalog_procedure_version where import_id = ? and version = 1"
                                + " order by procedure_code",
                        String.class,
                        id))
                .containsExactlyElementsOf(DEMO.stream().sorted().toList());
        assertThat(sql.queryForList(
                        "select code from catalog_component where procedure_code = '1.009994.H43' order by position",
                        String.class))
                .containsExactly("DON", "QSDD", "BANVE", "CAMKET");
        assertThat(sql.queryForObject(
                        "select count(*) from catalog_step_budget where procedure_code = '2.000635.H43'",
                        Integer.class))
                .isEqualTo(7);
        assertThat(sql.queryForList(
                        "select code from catalog_procedure where handoff_only = true order by code", String.class))
                .containsExactly("1.001001.H43", "1.004194.H43");
        assertThat(sql.queryForObject(
                        "select cut_off from catalog_procedure where code = '2.000635.H43'", String.class))
                .isEqualTo("15:00");

        JsonNode history =
                new Api(port).get(CatalogueImportTests.IMPORTS, "admin").body();
        JsonNode listed = null;
        for (JsonNode row : history) {
            if (row.path("id").asLong() == id) {
                listed = row;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("importedBy").asText()).isEqualTo("demo");
        assertThat(listed.path("fileName").asText()).isEqualTo("catalogue.json");
    }

    @Test
    void aLaterStartImportsNothing() throws Exception {
        int before = sql.queryForObject("select count(*) from catalog_import", Integer.class);

        demo.run(null);

        assertThat(sql.queryForObject("select count(*) from catalog_import", Integer.class))
                .isEqualTo(before);
        assertThat(sql.queryForObject(
                        "select max(version) from catalog_procedure_version where procedure_code in ("
                                + "'1.009994.H43', '2.000635.H43', '1.001193.H43')",
                        Integer.class))
                .isEqualTo(1);
    }

    /** Two nodes starting on one database at once: one imports the file, the other waits and finds it imported. */
    @Test
    void twoNodesStartingAtOnceImportTheFileOnce() throws Exception {
        byte[] file = new ObjectMapper().writeValueAsBytes(GeneratedCatalogue.procedures(3));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<ImportReport>>> runs = List.of(
                    nodes.submit(() -> {
                        start.await();
                        return imports.runOnce(file, "generated.json", LocalDate.of(2025, 7, 1), "node-1");
                    }),
                    nodes.submit(() -> {
                        start.await();
                        return imports.runOnce(file, "generated.json", LocalDate.of(2025, 7, 1), "node-2");
                    }));
            start.countDown();
            List<Optional<ImportReport>> reports =
                    List.of(runs.get(0).get(), runs.get(1).get());

            assertThat(reports.stream().filter(Optional::isPresent).count()).isEqualTo(1);
            ImportReport report =
                    reports.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            assertThat(report.accepted()).isTrue();
            assertThat(report.newProcedures()).isEqualTo(3);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(sql.queryForObject(
                        "select count(*) from catalog_import where file_name = 'generated.json'", Integer.class))
                .isEqualTo(1);
        assertThat(sql.queryForObject(
                        "select count(*) from catalog_procedure_version where procedure_code like '9.%'",
                        Integer.class))
                .isEqualTo(3);
    }
}
