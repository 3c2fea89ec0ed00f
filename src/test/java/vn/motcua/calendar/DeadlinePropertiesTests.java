package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Laws of the arithmetic, over random moments of 2025–2027 and random amounts. */
class DeadlinePropertiesTests {

    private final WorkingCalendar calendar = WorkingCalendar.publicSector();
    private final OfficeHours hours = OfficeHours.standard();
    private final Deadlines deadlines = new Deadlines(calendar, hours);

    @Property
    void measuringWhatWasAddedGivesBackTheAmount(
            @ForAll("moments") LocalDateTime start, @ForAll @LongRange(max = 20 * 480) long minutes) {
        LocalDateTime end = deadlines.addWorkingMinutes(start, minutes);

        assertThat(deadlines.workingMinutesBetween(start, end)).isEqualTo(minutes);
    }

    @Property
    void subtractingUndoesAdding(
            @ForAll("officeMoments") LocalDateTime start, @ForAll @LongRange(min = 1, max = 20 * 480) long minutes) {
        LocalDateTime end = deadlines.addWorkingMinutes(start, minutes);

        assertThat(deadlines.workingMinutesBetween(deadlines.subtractWorkingMinutes(end, minutes), end))
                .isEqualTo(minutes);
        assertThat(deadlines.subtractWorkingMinutes(end, minutes)).isEqualTo(start);
    }

    @Property
    void aDueTimeIsNeverOnADayOffNorOutsideOfficeHours(
            @ForAll("moments") LocalDateTime received,
            @ForAll @IntRange(min = 1, max = 60) int amount,
            @ForAll TimeUnit unit,
            @ForAll boolean cutOffAt15) {
        Optional<LocalTime> cutOff = cutOffAt15 ? Optional.of(LocalTime.of(15, 0)) : Optional.empty();

        LocalDateTime due = deadlines.due(received, amount, unit, cutOff);

        assertThat(calendar.isWorkingDay(due.toLocalDate()))
                .as("%s is a working day", due)
                .isTrue();
        assertThat(withinOfficeHours(due.toLocalTime()))
                .as("%s is within office hours", due)
                .isTrue();
    }

    @Property
    void pausingForNWorkingHoursMovesTheDueTimeByExactlyNWorkingHours(
            @ForAll("officeMoments") LocalDateTime received,
            @ForAll @IntRange(min = 1, max = 15) int days,
            @ForAll @IntRange(min = 0, max = 200) int pausedHours) {
        LocalDateTime due = deadlines.due(received, days * 8L, TimeUnit.WORKING_HOURS, Optional.empty());

        LocalDateTime moved = deadlines.addWorkingMinutes(due, pausedHours * 60L);

        assertThat(deadlines.workingMinutesBetween(due, moved)).isEqualTo(pausedHours * 60L);
    }

    @Provide
    Arbitrary<LocalDateTime> moments() {
        return Arbitraries.longs()
                .between(0, 3L * 365 * 24 * 60)
                .map(minutes -> LocalDate.of(2025, 1, 1).atStartOfDay().plusMinutes(minutes));
    }

    /**
     * Moments strictly inside an office slot of a working day, where adding and subtracting are exact inverses (at a
     * slot's start, subtracting answers the equivalent end of the slot before).
     */
    @Provide
    Arbitrary<LocalDateTime> officeMoments() {
        return moments()
                .filter(moment -> calendar.isWorkingDay(moment.toLocalDate())
                        && withinOfficeHours(moment.toLocalTime())
                        && hours.slots().stream()
                                .noneMatch(slot -> slot.start().equals(moment.toLocalTime())
                                        || slot.end().equals(moment.toLocalTime())));
    }

    private boolean withinOfficeHours(LocalTime time) {
        return hours.slots().stream().anyMatch(slot -> !time.isBefore(slot.start()) && !time.isAfter(slot.end()));
    }
}
