package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.calendar.CalendarError;
import vn.motcua.calendar.Deadlines;
import vn.motcua.calendar.TimeUnit;

class CalendarsTests {

    private static final LocalDate CULTURE_DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path folder;

    @Test
    void aReloadedFileAppliesToTheNextDeadlineWithoutARestart() throws Exception {
        Path file = write("2026-01-01\toff\tTết Dương lịch\n");
        Calendars calendars = new Calendars(new SlaSettings(file.toString(), null, null));
        Deadlines deadlines = Deadlines.following(calendars::current);
        LocalDateTime monday = LocalDateTime.parse("2026-11-23T09:00");
        assertThat(deadlines.due(monday, 2, TimeUnit.WORKING_DAYS, Optional.empty()))
                .isEqualTo(LocalDateTime.parse("2026-11-24T17:00"));

        write("2026-01-01\toff\tTết Dương lịch\n2026-11-24\toff\tNgày Văn hóa Việt Nam\n");
        calendars.reload();

        assertThat(calendars.current().isWorkingDay(CULTURE_DAY)).isFalse();
        assertThat(deadlines.due(monday, 2, TimeUnit.WORKING_DAYS, Optional.empty()))
                .isEqualTo(LocalDateTime.parse("2026-11-25T17:00"));
    }

    @Test
    void aBadFileIsRefusedNamingFileAndLineAndThePreviousCalendarStays() throws Exception {
        Path file = write("2026-11-24\toff\tNgày Văn hóa Việt Nam\n");
        Calendars calendars = new Calendars(new SlaSettings(file.toString(), null, null));

        write("2026-11-24\toff\tNgày Văn hóa Việt Nam\nhours\t*\t08:00-12:00 13:00-25:00\n");

        assertThatThrownBy(calendars::reload)
                .isInstanceOf(CalendarError.class)
                .hasMessageStartingWith(file + " line 2:")
                .hasMessageContaining("bad time '25:00'");
        assertThat(calendars.current().isWorkingDay(CULTURE_DAY)).isFalse();
        assertThat(calendars.current().source()).isEqualTo(file.toString());
    }

    @Test
    void usesTheBuiltInCalendarWhenNoFileIsConfigured() {
        Calendars calendars = new Calendars(new SlaSettings("", null, null));

        assertThat(calendars.current().source()).isEqualTo("classpath:calendar/public-sector.tsv");
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(folder.resolve("lich.tsv"), content);
    }
}
