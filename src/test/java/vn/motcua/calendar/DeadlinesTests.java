package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.motcua.calendar.TimeUnit.CALENDAR_DAYS;
import static vn.motcua.calendar.TimeUnit.WORKING_DAYS;
import static vn.motcua.calendar.TimeUnit.WORKING_HOURS;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTests {

    private static final Optional<LocalTime> NO_CUT_OFF = Optional.empty();
    private static final Optional<LocalTime> AT_15 = Optional.of(LocalTime.of(15, 0));

    private final Deadlines deadlines = new Deadlines(WorkingCalendar.publicSector(), OfficeHours.standard());

    @ParameterizedTest
    @CsvSource({
        "2026-02-12T09:00, 24, 2026-02-24T09:00", // spans Tết
        "2026-04-24T14:00, 16, 2026-04-29T14:00", // skips the compensatory Monday 27/04
        "2026-08-22T10:00, 8, 2026-08-24T10:00", // the swap Saturday is a working day
        "2026-08-28T16:00, 8, 2026-09-03T16:00" // skips 29/08–02/09
    })
    void countsWorkingHoursThroughOfficeSlotsOfWorkingDays(LocalDateTime received, long hours, LocalDateTime due) {
        assertThat(deadlines.due(received, hours, WORKING_HOURS, NO_CUT_OFF)).isEqualTo(due);
    }

    @ParameterizedTest
    @CsvSource({"2026-04-29T15:30, 2026-05-06T17:00", "2026-04-29T09:00, 2026-05-05T17:00"})
    void countsWorkingDaysFromTheReceptionDayUnlessReceivedAfterTheCutOff(LocalDateTime received, LocalDateTime due) {
        assertThat(deadlines.due(received, 3, WORKING_DAYS, AT_15)).isEqualTo(due);
    }

    @Test
    void dueDateOfABirthLienThongFiledAfter15OnTheFridayBeforeGioTo() {
        // NĐ 63/2024 Art. 7(2): at most 3 working days, counted from the next working day after 15:00
        LocalDateTime filed = LocalDateTime.parse("2026-04-24T15:10");

        assertThat(deadlines.countingStart(filed, AT_15)).isEqualTo(LocalDateTime.parse("2026-04-28T08:00"));
        assertThat(deadlines.due(filed, 3, WORKING_DAYS, AT_15)).isEqualTo(LocalDateTime.parse("2026-05-04T17:00"));
    }

    @Test
    void receivedInTheLastHourBeforeClosingCountsFromTheNextWorkingDay() {
        // NĐ 297/2025 Art. 3(5): the last hour before 17:00 closing acts as a 16:00 cut-off
        LocalDateTime received = LocalDateTime.parse("2026-03-05T16:20");

        assertThat(deadlines.countingStart(received, Optional.of(LocalTime.of(16, 0))))
                .isEqualTo(LocalDateTime.parse("2026-03-06T08:00"));
    }

    @Test
    void receivedWithinOfficeHoursWithoutACutOffCountsFromReception() {
        LocalDateTime received = LocalDateTime.parse("2026-03-05T16:20");

        assertThat(deadlines.countingStart(received, NO_CUT_OFF)).isEqualTo(received);
        assertThat(deadlines.due(received, 1, WORKING_HOURS, NO_CUT_OFF))
                .isEqualTo(LocalDateTime.parse("2026-03-06T08:20"));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-07T10:00, 2026-03-09T08:00", // Saturday
        "2026-03-05T17:00, 2026-03-06T08:00", // at closing
        "2026-03-05T06:30, 2026-03-05T08:00", // before opening
        "2026-03-05T12:30, 2026-03-05T13:00", // lunch break
        "2026-04-27T09:00, 2026-04-28T08:00", // compensatory day off
        "2026-03-05T15:00, 2026-03-05T15:00" // at the cut-off is not after it
    })
    void startsCountingAtTheNextOfficeSlotWhenReceivedOutsideIt(LocalDateTime received, LocalDateTime start) {
        assertThat(deadlines.countingStart(received, AT_15)).isEqualTo(start);
    }

    @Test
    void endsAPeriodThatFillsASlotAtTheSlotsEnd() {
        assertThat(deadlines.addWorkingMinutes(LocalDateTime.parse("2026-03-05T08:00"), 240))
                .isEqualTo(LocalDateTime.parse("2026-03-05T12:00"));
        assertThat(deadlines.addWorkingMinutes(LocalDateTime.parse("2026-03-05T08:00"), 480))
                .isEqualTo(LocalDateTime.parse("2026-03-05T17:00"));
    }

    @Test
    void movesACalendarDayPeriodEndingOnADayOffToTheNextWorkingDaysClosing() {
        assertThat(deadlines.due(LocalDateTime.parse("2026-04-20T10:00"), 10, CALENDAR_DAYS, NO_CUT_OFF))
                .isEqualTo(LocalDateTime.parse("2026-05-04T17:00"));
        assertThat(deadlines.due(LocalDateTime.parse("2026-03-02T10:00"), 3, CALENDAR_DAYS, NO_CUT_OFF))
                .isEqualTo(LocalDateTime.parse("2026-03-05T17:00"));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-12T09:00, 1440", "2026-08-28T16:00, 480", "2026-03-05T12:30, 30", "2026-03-05T10:15, 0"})
    void measuresBackTheMinutesItAdded(LocalDateTime start, long minutes) {
        LocalDateTime end = deadlines.addWorkingMinutes(start, minutes);

        assertThat(deadlines.workingMinutesBetween(start, end)).isEqualTo(minutes);
        assertThat(deadlines.workingMinutesBetween(end, start)).isEqualTo(-minutes);
    }

    @Test
    void subtractsWorkingTimeBackThroughDaysOffToTheLatestMomentThatLeavesItWhole() {
        assertThat(deadlines.subtractWorkingMinutes(LocalDateTime.parse("2026-03-16T09:00"), 240))
                .isEqualTo(LocalDateTime.parse("2026-03-13T14:00"));
        assertThat(deadlines.subtractWorkingMinutes(LocalDateTime.parse("2026-03-20T17:00"), 480))
                .isEqualTo(LocalDateTime.parse("2026-03-19T17:00"));
        assertThat(deadlines.subtractWorkingMinutes(LocalDateTime.parse("2026-05-04T10:00"), 180))
                .isEqualTo(LocalDateTime.parse("2026-04-29T16:00"));
    }

    @Test
    void countsNoWorkingMinutesOverAHolidayWeekend() {
        assertThat(deadlines.workingMinutesBetween(
                        LocalDateTime.parse("2026-04-29T17:00"), LocalDateTime.parse("2026-05-04T08:00")))
                .isZero();
    }

    @Test
    void usesTheAgencysOwnOfficeHours() {
        var earlyOffice = new OfficeHours(List.of(
                new TimeSlot(LocalTime.of(7, 0), LocalTime.of(11, 30)),
                new TimeSlot(LocalTime.of(13, 30), LocalTime.of(17, 0))));
        var early = new Deadlines(WorkingCalendar.publicSector(), earlyOffice);

        assertThat(early.due(LocalDateTime.parse("2026-03-07T10:00"), 8, WORKING_HOURS, NO_CUT_OFF))
                .isEqualTo(LocalDateTime.parse("2026-03-09T17:00"));
        assertThat(early.due(LocalDateTime.parse("2026-03-09T12:00"), 1, WORKING_DAYS, NO_CUT_OFF))
                .isEqualTo(LocalDateTime.parse("2026-03-09T17:00"));
    }

    @Test
    void rejectsOverlappingOfficeSlots() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OfficeHours(List.of(
                        new TimeSlot(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new TimeSlot(LocalTime.of(11, 0), LocalTime.of(17, 0)))));
    }

    @Test
    void rejectsZeroWorkingDaysAndNegativeAmounts() {
        LocalDateTime received = LocalDateTime.parse("2026-03-05T09:00");

        assertThatIllegalArgumentException().isThrownBy(() -> deadlines.due(received, 0, WORKING_DAYS, NO_CUT_OFF));
        assertThatIllegalArgumentException().isThrownBy(() -> deadlines.due(received, -1, WORKING_HOURS, NO_CUT_OFF));
    }
}
