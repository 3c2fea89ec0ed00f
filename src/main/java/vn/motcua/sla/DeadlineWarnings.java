package vn.motcua.sla;

import java.time.Clock;
import java.time.LocalDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossiers;

/**
 * Warns once per step and per dossier when its warning time has come, by publishing {@link DeadlineApproaching}; a
 * paused dossier (waiting for a supplement) is not warned. On a cluster one node scans per tick (ShedLock), and a
 * flag is set only by the scan that changed it from unset, so that a warning is given once even if two scans meet.
 * The events are durable: written in the scan's transaction, delivered to their listeners after it commits.
 */
@Component
class DeadlineWarnings {

    private final SlaMapper clocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Dossiers dossiers;
    private final TransactionTemplate transaction;

    DeadlineWarnings(
            SlaMapper clocks,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            Dossiers dossiers) {
        this.dossiers = dossiers;
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${motcua.sla.warning-cron:0 * * * * *}")
    @SchedulerLock(name = "deadline-warnings", lockAtLeastFor = "${motcua.sla.warning-lock-at-least-for:PT55S}")
    void warnNow() {
        // a call from inside the bean: its own transaction, so that the events are stored with the flags
        transaction.executeWithoutResult(status -> warnAt(LocalDateTime.now(clock)));
    }

    /** @return how many warnings went out */
    @Transactional
    int warnAt(LocalDateTime now) {
        int sent = 0;
        for (SlaMapper.StepRow step : clocks.stepsToWarn(now)) {
            if (clocks.stepWarned(step.taskId(), now) == 0) {
                continue; // another scan warned it meanwhile
            }
            events.publishEvent(new DeadlineApproaching(
                    step.dossierCode(), step.taskId(), step.stepKey(), step.department(), step.dueAt()));
            sent++;
        }
        for (SlaMapper.ClockRow dossier : clocks.dossiersToWarn(now)) {
            if (clocks.dossierWarned(dossier.dossierCode(), now) == 0) {
                continue;
            }
            dossiers.deadlineNear(dossier.dossierCode());
            events.publishEvent(new DeadlineApproaching(dossier.dossierCode(), null, null, null, dossier.dueAt()));
            sent++;
        }
        return sent;
    }
}
