package vn.motcua.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The first filings of a day, 32 at once over HTTP on one node with the default pool (10 connections): none waits for
 * the pool's timeout nor fails, and the day's numbers are exactly 1..32. The day is fresh for real: the filings go to a
 * receiving agency of this test's own (set up and removed here), which nobody else files for.
 */
@IntegrationTest
class MorningRushTests {

    static final int FILINGS = 32;
    static final String AGENCY = "000.98.01.H43";
    static final String PROCEDURE = "9.000001.H43";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void anAgencyNobodyElseFilesFor() {
        removeTheAgency();
        sql.update(
                "insert into agency (code, name, level_name, parent_code) values (?, ?, 'COMMUNE', null)",
                AGENCY,
                "Ủy ban nhân dân xã Thử Nghiệm");
        new Api(port).routeByDefault(AGENCY, "phanrang");
        sql.update("""
                insert into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off, fee,
                        online_level, process_key, start_form, reception_unit, handling_unit, effective_from)
                select ?, name, sector, ?, legal_time, time_unit, cut_off, fee, online_level, process_key, start_form,
                       'thunghiem', 'thunghiem', effective_from
                  from catalog_procedure where code = '1.009994.H43'
                """, PROCEDURE, AGENCY);
        sql.update("""
                insert into catalog_component (procedure_code, position, code, name, required)
                select ?, position, code, name, required from catalog_component where procedure_code = '1.009994.H43'
                """, PROCEDURE);
        assertThat(sql.queryForObject(
                        "select count(*) from dossier_sequence where agency_code = ?", Integer.class, AGENCY))
                .isZero();
    }

    @AfterEach
    void removeTheAgency() {
        List<String> codes = sql.queryForList("select code from dossier where agency_code = ?", String.class, AGENCY);
        for (String code : codes) {
            runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(code)
                    .list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test clean-up"));
        }
        for (String table : List.of(
                "dossier_attachment", "dossier_status_change", "dossier_step", "sla_step_clock", "sla_dossier_clock")) {
            sql.update(
                    "delete from " + table + " where dossier_code in (select code from dossier where agency_code = ?)",
                    AGENCY);
        }
        sql.update("delete from dossier where agency_code = ?", AGENCY);
        sql.update("delete from dossier_sequence where agency_code = ?", AGENCY);
        sql.update("delete from catalog_component where procedure_code = ?", PROCEDURE);
        sql.update("delete from catalog_step_budget where procedure_code = ?", PROCEDURE);
        sql.update("delete from sla_supplement_policy where procedure_code = ?", PROCEDURE);
        sql.update("delete from catalog_procedure where code = ?", PROCEDURE);
        sql.update("delete from department_route where agency_code = ?", AGENCY);
        sql.update("delete from agency where code = ?", AGENCY);
    }

    @Test
    void thirtyTwoFirstFilingsOfTheDayAtOnceAllGetTheirNumberWithoutWaitingForThePool() throws Exception {
        Api api = new Api(port);
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", PROCEDURE);
        CyclicBarrier together = new CyclicBarrier(FILINGS);
        ExecutorService citizens = Executors.newFixedThreadPool(FILINGS);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < FILINGS; i++) {
            replies.add(citizens.submit(() -> {
                together.await();
                return api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            Api.Reply filed = reply.get();
            statuses.add(filed.status());
            if (filed.status() == 201) {
                String code = filed.text("code");
                assertThat(code).startsWith(AGENCY + "-");
                sequences.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        citizens.shutdown();

        assertThat(statuses).as("answers").containsOnly(201).hasSize(FILINGS);
        assertThat(sequences)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, FILINGS).boxed().toList());
        // Hikari's timeout is 30 s: a filing that waited for a second connection would have taken at least that
        assertThat(seconds).as("seconds for all %d filings", FILINGS).isLessThan(30);
        System.out.println("MorningRush: " + FILINGS + " first filings of the day in " + seconds + " s");
    }
}
