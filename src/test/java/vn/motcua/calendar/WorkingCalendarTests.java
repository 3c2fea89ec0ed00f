package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTests {

    private final WorkingCalendar calendar = WorkingCalendar.publicSector();

    @ParameterizedTest
    @CsvSource({
        "JANUARY, 21", "FEBRUARY, 15", "MARCH, 22", "APRIL, 20", "MAY, 20", "JUNE, 22",
        "JULY, 23", "AUGUST, 21", "SEPTEMBER, 20", "OCTOBER, 22", "NOVEMBER, 21", "DECEMBER, 23"
    })
    void countsThePublicSectorWorkingDaysOf2026(Month month, long workingDays) {
        assertThat(calendar.workingDaysIn(YearMonth.of(2026, month))).isEqualTo(workingDays);
    }

    @Test
    void has250WorkingDaysIn2026() {
        assertThat(workingDaysIn(calendar, 2026)).isEqualTo(250);
    }

    @Test
    void knowsTheHolidaysOf2026() {
        assertThat(Stream.of("2026-01-01", "2026-02-16", "2026-02-20", "2026-04-30", "2026-05-01", "2026-09-02")
                        .map(LocalDate::parse))
                .noneMatch(calendar::isWorkingDay);
    }

    @Test
    void givesTheNextMondayOffWhenGioToFallsOnSunday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 26))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
    }

    @Test
    void worksTheSwapSaturdayAndRestsTheSwappedMonday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
    }

    @Test
    void keepsVietnamCultureDayAsAWorkingDayUntilItIsConfirmed() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    }

    @Test
    void losesOneNovemberWorkingDayIfVietnamCultureDayBecomesAHoliday() throws Exception {
        WorkingCalendar withCultureDay;
        try (InputStream tsv = new SequenceInputStream(
                WorkingCalendar.class.getClassLoader().getResourceAsStream("calendar/public-sector.tsv"),
                utf8("2026-11-24\toff\tNgày Văn hóa Việt Nam\n"))) {
            withCultureDay = WorkingCalendar.load(tsv);
        }

        assertThat(withCultureDay.workingDaysIn(YearMonth.of(2026, 11))).isEqualTo(20);
        assertThat(workingDaysIn(withCultureDay, 2026)).isEqualTo(249);
    }

    @Test
    void fallsBackToMondayToFridayOutsideTheListedDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 5))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 6))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 7))).isFalse();
    }

    @Test
    void skipsCommentsBlankLinesAndAByteOrderMark() {
        WorkingCalendar loaded = load("\uFEFF# lịch thử\n\n  # ghi chú\n2026-03-02\toff\tNghỉ thử\n");

        assertThat(loaded.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(loaded.workingDaysIn(YearMonth.of(2026, 3))).isEqualTo(21);
    }

    @Test
    void rejectsABadDateNamingTheLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("# lịch\n2026-02-30\toff\tNgày không có\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("2026-02-30\toff\tNgày không có");
    }

    @Test
    void rejectsAnUnknownKindNamingTheLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("2026-01-01\tholiday\tTết Dương lịch\n"))
                .withMessageContaining("line 1")
                .withMessageContaining("holiday")
                .withMessageContaining("Tết Dương lịch");
    }

    @Test
    void rejectsADateListedTwiceNamingTheSecondLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("2026-01-01\toff\tTết Dương lịch\n2026-01-01\twork\tLàm bù\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("2026-01-01\twork\tLàm bù");
    }

    @Test
    void rejectsALineWithoutAReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("2026-01-01\toff\n"))
                .withMessageContaining("line 1");
    }

    private static long workingDaysIn(WorkingCalendar calendar, int year) {
        return Stream.of(Month.values())
                .mapToLong(month -> calendar.workingDaysIn(Year.of(year).atMonth(month)))
                .sum();
    }

    private static WorkingCalendar load(String tsv) {
        return WorkingCalendar.load(utf8(tsv));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
