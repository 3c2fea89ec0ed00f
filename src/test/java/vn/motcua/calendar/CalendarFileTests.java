package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CalendarFileTests {

    @Test
    void readsARangeOfDaysOff() {
        WorkingCalendar calendar = load("2026-02-16..2026-02-20\toff\tTết Nguyên đán Bính Ngọ\n");

        assertThat(calendar.workingDaysIn(YearMonth.of(2026, 2))).isEqualTo(15);
    }

    @Test
    void rejectsOverlappingRangesNamingFileAndBothLines() {
        assertThatThrownBy(() -> load("2026-02-16..2026-02-20\toff\tTết\n2026-02-20..2026-02-23\toff\tTết dài\n"))
                .isInstanceOf(CalendarError.class)
                .hasMessageStartingWith("lich-thu.tsv line 2:")
                .hasMessageContaining("2026-02-20 is listed twice (see line 1)");
    }

    @Test
    void rejectsADayThatIsBothOffAndAWorkingDay() {
        assertThatThrownBy(() -> load("# lịch\n2026-08-22\twork\tLàm bù\n2026-08-22\toff\tNghỉ\n"))
                .isInstanceOf(CalendarError.class)
                .hasMessageStartingWith("lich-thu.tsv line 3:")
                .hasMessageContaining("is both off and a working day (see line 2)");
    }

    @Test
    void rejectsAMalformedOfficeTime() {
        assertThatThrownBy(() -> load("hours\t*\t08:00-12:00 13:00-17h00\n"))
                .isInstanceOf(CalendarError.class)
                .hasMessageStartingWith("lich-thu.tsv line 1:")
                .hasMessageContaining("bad time '17h00'");
    }

    @Test
    void rejectsOverlappingOfficeSlots() {
        assertThatThrownBy(() -> load("hours\tH43\t08:00-12:00 11:00-17:00\n"))
                .isInstanceOf(CalendarError.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> load("2026-02-20..2026-02-16\toff\tTết\n"))
                .isInstanceOf(CalendarError.class)
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void givesEachAgencyItsOfficeHoursAndOthersTheDefault() {
        WorkingCalendar calendar = load("hours\t*\t07:30-11:30 13:30-17:00\nhours\tH43.20\t07:00-11:00 13:00-17:00\n");

        assertThat(calendar.officeHours("H43.20").opening()).isEqualTo(LocalTime.of(7, 0));
        assertThat(calendar.officeHours("H43.99").opening()).isEqualTo(LocalTime.of(7, 30));
        assertThat(calendar.officeHours(null).closing()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void marksTheUnannouncedAndUncheckedYearsAsUnverified() {
        WorkingCalendar calendar = WorkingCalendar.publicSector();

        assertThat(calendar.isVerified(2026)).isTrue();
        assertThat(calendar.isVerified(2025)).isFalse();
        assertThat(calendar.isVerified(2027)).isFalse();
        assertThat(calendar.isVerified(2030)).isFalse();
    }

    @Test
    void holdsThe2025And2027HolidaysBeside2026() {
        WorkingCalendar calendar = WorkingCalendar.publicSector();

        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 7))).isFalse(); // Giỗ Tổ 2025
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue(); // swap Saturday 2025
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 16))).isFalse(); // Giỗ Tổ 2027
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse(); // 01/05/2027 is a Saturday
    }

    private static WorkingCalendar load(String tsv) {
        return WorkingCalendar.load("lich-thu.tsv", new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }
}
