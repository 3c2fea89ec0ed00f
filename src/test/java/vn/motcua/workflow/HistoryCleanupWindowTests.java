package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;

/** History past its time-to-live is removed, by a job the engine schedules itself, inside the nightly window. */
@IntegrationTest
class HistoryCleanupWindowTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService history;

    @Test
    void theEngineSchedulesItsHistoryCleanupInsideTheNightlyWindowInVietnamTime() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00+0700");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P1825D");

        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).isNotEmpty();
        ZonedDateTime now = ZonedDateTime.now(VIETNAM);
        for (Job job : jobs) {
            LocalDateTime due = job.getDuedate().toInstant().atZone(VIETNAM).toLocalDateTime();
            LocalTime at = due.toLocalTime();
            assertThat(at.isBefore(LocalTime.of(5, 0)) || !at.isBefore(LocalTime.of(22, 0)))
                    .as("due %s (Vietnam time) inside 22:00-05:00", due)
                    .isTrue();
            if (!inWindow(now.toLocalTime())) {
                // outside the window, the job waits for this evening's start, exactly
                LocalDateTime tonight = now.toLocalDate().atTime(22, 0);
                assertThat(due).isEqualTo(tonight);
            }
        }
    }

    private static boolean inWindow(LocalTime time) {
        return time.isBefore(LocalTime.of(5, 1)) || !time.isBefore(LocalTime.of(21, 59));
    }
}
