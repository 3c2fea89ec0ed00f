package vn.motcua.sla;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns once per step and per dossier when its warning time has come, by publishing {@link DeadlineApproaching}; a
 * paused dossier (waiting for a supplement) is not warned.
 */
@Component
class DeadlineWarnings {

    private final SlaMapper clocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineWarnings(SlaMapper clocks, ApplicationEventPublisher events, Clock clock) {
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${motcua.sla.warning-cron:0 * * * * *}")
    void warnNow() {
        warnAt(LocalDateTime.now(clock));
    }

    /** @return how many warnings went out */
    @Transactional
    int warnAt(LocalDateTime now) {
        int sent = 0;
        for (SlaMapper.StepRow step : clocks.stepsToWarn(now)) {
            clocks.stepWarned(step.taskId(), now);
            events.publishEvent(new DeadlineApproaching(
                    step.dossierCode(), step.taskId(), step.stepKey(), step.department(), step.dueAt()));
            sent++;
        }
        for (SlaMapper.ClockRow dossier : clocks.dossiersToWarn(now)) {
            clocks.dossierWarned(dossier.dossierCode(), now);
            events.publishEvent(new DeadlineApproaching(dossier.dossierCode(), null, null, null, dossier.dueAt()));
            sent++;
        }
        return sent;
    }
}
