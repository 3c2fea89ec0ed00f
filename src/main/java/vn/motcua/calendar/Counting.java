package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/** The arithmetic of {@link Deadlines} on one calendar and one set of office hours. */
final class Counting {

    private final WorkingCalendar calendar;
    private final OfficeHours hours;

    Counting(WorkingCalendar calendar, OfficeHours hours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    LocalDateTime due(LocalDateTime received, long amount, TimeUnit unit, Optional<LocalTime> cutOff) {
        if (amount < 0 || (amount == 0 && unit == TimeUnit.WORKING_DAYS)) {
            throw new IllegalArgumentException("Cannot count " + amount + " " + unit);
        }
        LocalDateTime start = countingStart(received, cutOff);
        return switch (unit) {
            case WORKING_HOURS -> addWorkingMinutes(start, Math.multiplyExact(amount, 60));
            case WORKING_DAYS -> closingOf(nthWorkingDay(start.toLocalDate(), amount));
            case CALENDAR_DAYS -> closingOf(lastDayOfCalendarPeriod(start.toLocalDate(), amount));
        };
    }

    /**
     * When the clock starts for something received at {@code received}: outside office hours, after the cut-off or
     * on a day off it starts at the next office slot (NĐ 297/2025 Art. 3(5), Art. 6(3); NĐ 63/2024 Art. 7(2)).
     */
    LocalDateTime countingStart(LocalDateTime received, Optional<LocalTime> cutOff) {
        LocalDate day = received.toLocalDate();
        LocalTime time = received.toLocalTime();
        boolean afterCutOff = cutOff.map(time::isAfter).orElse(false);
        if (!calendar.isWorkingDay(day) || afterCutOff || !time.isBefore(hours.closing())) {
            return calendar.nextWorkingDayAfter(day).atTime(hours.opening());
        }
        for (TimeSlot slot : hours.slots()) {
            if (slot.contains(time)) {
                return received;
            }
            if (time.isBefore(slot.start())) {
                return day.atTime(slot.start());
            }
        }
        throw new IllegalStateException("Unreachable: " + received + " is before closing " + hours.closing());
    }

    /**
     * The moment {@code minutes} of office time have passed since {@code start}; a period that fills a slot exactly
     * ends at the slot's end (12:00, 17:00), not at the start of the next one.
     */
    LocalDateTime addWorkingMinutes(LocalDateTime start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Cannot add " + minutes + " working minutes");
        }
        Duration remaining = Duration.ofMinutes(minutes);
        LocalDate day = calendar.workingDayOnOrAfter(start.toLocalDate());
        while (true) {
            for (TimeSlot slot : hours.slots()) {
                LocalDateTime from = latest(day.atTime(slot.start()), start);
                LocalDateTime to = day.atTime(slot.end());
                if (from.isBefore(to)) {
                    Duration available = Duration.between(from, to);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            day = calendar.nextWorkingDayAfter(day);
        }
    }

    /**
     * The moment {@code minutes} of office time before {@code end}; a period that starts exactly at a slot's start is
     * said to start at the end of the slot before (17:00 the day before, not 08:00), the latest moment that leaves it
     * whole.
     */
    LocalDateTime subtractWorkingMinutes(LocalDateTime end, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Cannot subtract " + minutes + " working minutes");
        }
        if (minutes == 0) {
            return end;
        }
        Duration remaining = Duration.ofMinutes(minutes);
        LocalDate day = calendar.isWorkingDay(end.toLocalDate())
                ? end.toLocalDate()
                : calendar.previousWorkingDayBefore(end.toLocalDate());
        while (true) {
            for (int i = hours.slots().size() - 1; i >= 0; i--) {
                TimeSlot slot = hours.slots().get(i);
                LocalDateTime from = day.atTime(slot.start());
                LocalDateTime to = earliest(day.atTime(slot.end()), end);
                if (from.isBefore(to)) {
                    Duration available = Duration.between(from, to);
                    if (remaining.compareTo(available) < 0) {
                        return to.minus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            day = calendar.previousWorkingDayBefore(day);
        }
    }

    /** Office minutes between two moments; negative when {@code to} is before {@code from}. */
    long workingMinutesBetween(LocalDateTime from, LocalDateTime to) {
        if (to.isBefore(from)) {
            return -workingMinutesBetween(to, from);
        }
        Duration worked = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                worked = worked.plus(workedWithin(day, from, to));
            }
        }
        return worked.toMinutes();
    }

    private Duration workedWithin(LocalDate day, LocalDateTime from, LocalDateTime to) {
        Duration worked = Duration.ZERO;
        for (TimeSlot slot : hours.slots()) {
            LocalDateTime start = latest(day.atTime(slot.start()), from);
            LocalDateTime end = earliest(day.atTime(slot.end()), to);
            if (start.isBefore(end)) {
                worked = worked.plus(Duration.between(start, end));
            }
        }
        return worked;
    }

    private LocalDate nthWorkingDay(LocalDate first, long n) {
        LocalDate day = first;
        for (long i = 1; i < n; i++) {
            day = calendar.nextWorkingDayAfter(day);
        }
        return day;
    }

    // Civil-law convention, unverified (domain.md §9.2 [M]): the period starts the day after reception, and one
    // that ends on a day off ends on the next working day
    private LocalDate lastDayOfCalendarPeriod(LocalDate start, long days) {
        return calendar.workingDayOnOrAfter(start.plusDays(days));
    }

    private LocalDateTime closingOf(LocalDate day) {
        return day.atTime(hours.closing());
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
