package vn.motcua.workflow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine removes history past its time-to-live only inside this nightly window ({@code motcua.history.*}, in
 * Vietnam time): without a window the engine never schedules its cleanup job. The window's times carry the zone's
 * offset ({@code 22:00+0700}), since the engine would read a bare {@code 22:00} in the server's time zone.
 */
@Component
class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

    private final String start;
    private final String end;
    private final ZoneId zone;

    HistoryCleanupWindow(
            @Value("${motcua.history.cleanup-start}") String start,
            @Value("${motcua.history.cleanup-end}") String end,
            @Value("${motcua.zone}") String zone) {
        this.start = start;
        this.end = end;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String offset = DateTimeFormatter.ofPattern("xx").format(zone.getRules().getOffset(Instant.now()));
        configuration.setHistoryCleanupBatchWindowStartTime(start + offset);
        configuration.setHistoryCleanupBatchWindowEndTime(end + offset);
    }
}
