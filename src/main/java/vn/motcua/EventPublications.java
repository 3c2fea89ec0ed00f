package vn.motcua;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry going on a cluster: a publication whose listener has not completed (the node
 * died, the listener failed) is handed to its listener again once it is older than {@code
 * motcua.events.resubmit-older-than}, chosen well above the slowest listener so that one still running is not run
 * twice at once; completed publications are removed after {@code motcua.events.keep-completed}. Modulith's own
 * republish-on-restart stays off: it runs every incomplete row on every node that starts, in-flight ones included.
 * One node at a time does this (ShedLock); the listeners are idempotent anyway.
 */
@Component
class EventPublications {

    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitOlderThan;
    private final Duration keepCompleted;

    EventPublications(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            @Value("${motcua.events.resubmit-older-than}") Duration resubmitOlderThan,
            @Value("${motcua.events.keep-completed}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitOlderThan = resubmitOlderThan;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${motcua.events.check-every}", initialDelayString = "${motcua.events.check-every}")
    @SchedulerLock(name = "event-publications", lockAtLeastFor = "${motcua.events.lock-at-least-for}")
    void resubmitAndPurge() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitOlderThan);
        completed.deletePublicationsOlderThan(keepCompleted);
        log.debug(
                "Event publications older than {} resubmitted, completed ones older than {} removed",
                resubmitOlderThan,
                keepCompleted);
    }
}
