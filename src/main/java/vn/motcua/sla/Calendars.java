package vn.motcua.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The working calendar in force. It comes from {@code motcua.sla.calendar-file} when set, otherwise from the built-in
 * file, and can be read again without a rebuild; a file that fails validation is refused whole and the calendar in
 * force stays.
 */
@Component
class Calendars {

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    private final String file;
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();

    Calendars(SlaSettings settings) {
        this.file =
                settings.calendarFile() == null ? "" : settings.calendarFile().trim();
        current.set(read());
    }

    WorkingCalendar current() {
        return current.get();
    }

    /**
     * Reads the calendar file again and puts it in force.
     *
     * @throws vn.motcua.calendar.CalendarError naming the file and line, the calendar in force unchanged
     */
    WorkingCalendar reload() {
        WorkingCalendar loaded = read();
        current.set(loaded);
        log.info("Working calendar reloaded from {}", loaded.source());
        return loaded;
    }

    private WorkingCalendar read() {
        if (file.isEmpty()) {
            return WorkingCalendar.publicSector();
        }
        try (InputStream tsv = Files.newInputStream(Path.of(file))) {
            return WorkingCalendar.load(file, tsv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar file " + file, e);
        }
    }
}
