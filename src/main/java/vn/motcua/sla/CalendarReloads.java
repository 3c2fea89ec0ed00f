package vn.motcua.sla;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarError;
import vn.motcua.calendar.WorkingCalendar;

/**
 * A calendar reload reaches every node: the node that is asked reads its file and, once that file is accepted, raises
 * the calendar version in the shared database; every node looks at the version every
 * {@code motcua.sla.calendar-check} and reads its own file again when it sees one it has not loaded. Every node
 * is configured with the same calendar file (the same path, the same content).
 */
@Component
class CalendarReloads {

    private static final Logger log = LoggerFactory.getLogger(CalendarReloads.class);

    private final Calendars calendars;
    private final SlaMapper versions;
    private final AtomicLong loaded;

    CalendarReloads(Calendars calendars, SlaMapper versions) {
        this.calendars = calendars;
        this.versions = versions;
        // the file was read at start-up, after any reload recorded so far
        this.loaded = new AtomicLong(versions.calendarVersion());
    }

    /**
     * Reads the calendar file again here and tells the other nodes.
     *
     * @throws CalendarError (or an UncheckedIOException) when the file is refused: nothing changes anywhere
     */
    WorkingCalendar reload(String by) {
        WorkingCalendar calendar = calendars.reload();
        versions.raiseCalendarVersion(LocalDateTime.now(ZoneOffset.UTC), by);
        loaded.set(versions.calendarVersion());
        return calendar;
    }

    @Scheduled(
            fixedDelayString = "${motcua.sla.calendar-check:PT5S}",
            initialDelayString = "${motcua.sla.calendar-check:PT5S}")
    void followOtherNodes() {
        long current = versions.calendarVersion();
        long seen = loaded.get();
        if (current == seen) {
            return;
        }
        try {
            calendars.reload();
            log.info("Working calendar version {} (reloaded on another node) in force", current);
        } catch (RuntimeException refused) {
            // this node's file differs from the one accepted elsewhere: keep ours, say so once per version
            log.error(
                    "Working calendar version {} was reloaded on another node, but this node's file is refused;"
                            + " the calendar in force here is kept",
                    current,
                    refused);
        }
        loaded.compareAndSet(seen, current);
    }
}
