package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.ResultIssued;

/**
 * The counters on MariaDB while events of many dossiers of one agency and sector (the same counter rows) arrive at once
 * from four threads, each event in its own transaction and each delivered twice, as the durable events may: they end
 * as counting every row again would make them, and the report of the month is the hand count.
 */
@IntegrationTest
class DayCountersTests {

    static final String AGENCY = "CNT.00.00.H43";
    static final String HOUSE = "1.009994.H43";
    static final LocalDateTime RECEIVED = LocalDateTime.parse("2024-05-06T08:00");
    static final LocalDateTime DUE = LocalDateTime.parse("2024-05-20T17:00");

    @Autowired
    ReadModel model;

    @Autowired
    Counts counts;

    @Autowired
    Reports reports;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void takeThemOut() {
        jdbc.update("delete from reporting_dossier where agency_code = ?", AGENCY);
        jdbc.update("delete from reporting_count where agency_code = ?", AGENCY);
    }

    @Test
    void eventsAppliedAtOnceAndTwiceLeaveTheCountersAsCountingAgainWould() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(threads.submit(() -> deliver(thread)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        List<Map<String, Object>> applied = counters();
        assertThat(applied).isNotEmpty();

        counts.recount();

        assertThat(counters()).isEqualTo(applied);
        // 240 dossiers, half online: 60 refused at reception (not counted, all at the counter), 60 early on 10 May, 60
        // on
        // time and 60 late
        Ii06a.Cells may = reports.ii06a(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31"), AGENCY)
                .total();
        assertThat(may).isEqualTo(new Ii06a.Cells(180, 120, 60, 0, 180, 60, 60, 60, 0, 0, 0));
        // by the 15th only the early ones are resolved; the rest are within time
        assertThat(reports.ii06a(LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-15"), AGENCY)
                        .total())
                .isEqualTo(new Ii06a.Cells(180, 120, 60, 0, 60, 60, 0, 0, 120, 120, 0));
        // from the 21st: the late ones were carried over, still open and overdue at the start, resolved that day
        assertThat(reports.ii06a(LocalDate.parse("2024-05-21"), LocalDate.parse("2024-05-31"), AGENCY)
                        .total())
                .isEqualTo(new Ii06a.Cells(60, 0, 0, 60, 60, 0, 0, 60, 0, 0, 0));
    }

    /** Sixty dossiers of one thread, their events shuffled with those of the other threads' by the scheduler. */
    private void deliver(int thread) {
        Random random = new Random(thread);
        for (int n = 0; n < 60; n++) {
            int i = n;
            String code = "CNT-%d-%02d".formatted(thread, i);
            LocalDateTime received = RECEIVED.plusMinutes(i);
            List<Runnable> events = new ArrayList<>();
            events.add(() -> model.apply(new DossierFiled(
                    code,
                    HOUSE,
                    AGENCY,
                    i % 2 == 0 ? NewDossier.Channel.ONLINE : NewDossier.Channel.COUNTER,
                    received,
                    DUE,
                    "someone")));
            LocalDateTime closed = switch (i % 4) {
                case 0 -> LocalDateTime.parse("2024-05-21T09:00"); // late
                case 1 -> LocalDateTime.parse("2024-05-20T10:00"); // on time, the due day
                case 2 -> LocalDateTime.parse("2024-05-10T10:00"); // early
                default -> received.plusHours(1); // refused at reception
            };
            if (i % 4 == 3) {
                events.add(() -> model.apply(new DossierStatusChanged(
                        code, DossierStatus.SUBMITTED, DossierStatus.REFUSED, closed, "tiepnhan")));
            } else {
                events.add(() -> model.apply(new ResultIssued(code, HOUSE, AGENCY, closed, DUE)));
            }
            List<Runnable> twice = new ArrayList<>(events);
            twice.addAll(events);
            // the first delivery of the filing first (the later events of a dossier without a row make it from the
            // dossier table, which these have none of), then the rest in any order
            Collections.shuffle(twice.subList(1, twice.size()), random);
            // each in a transaction of its own, as the listeners deliver them
            twice.forEach(Runnable::run);
        }
    }

    private List<Map<String, Object>> counters() {
        return jdbc.queryForList(
                "select * from reporting_count where agency_code = ? order by span, count_day, sector", AGENCY);
    }
}
