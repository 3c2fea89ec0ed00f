package vn.motcua.calendar;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Due times for processing periods, counted on a working calendar within office hours (domain.md §9.2). Each answer
 * is computed on the calendar in force when it is asked, so a calendar reloaded by an administrator applies at once.
 */
public final class Deadlines {

    private final Supplier<WorkingCalendar> calendars;
    private final Optional<String> agency;
    private final Optional<OfficeHours> hours;

    private Deadlines(Supplier<WorkingCalendar> calendars, Optional<String> agency, Optional<OfficeHours> hours) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.agency = agency;
        this.hours = hours;
    }

    public Deadlines(WorkingCalendar calendar, OfficeHours hours) {
        this(() -> calendar, Optional.empty(), Optional.of(Objects.requireNonNull(hours, "hours")));
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Deadlines on whatever calendar {@code calendars} gives, with the calendar's default office hours. */
    public static Deadlines following(Supplier<WorkingCalendar> calendars) {
        return new Deadlines(calendars, Optional.empty(), Optional.empty());
    }

    /** The same deadlines counted in the office hours the calendar gives this agency. */
    public Deadlines forAgency(String agencyCode) {
        return new Deadlines(calendars, Optional.ofNullable(agencyCode), hours);
    }

    public WorkingCalendar calendar() {
        return calendars.get();
    }

    public LocalDateTime due(LocalDateTime received, long amount, TimeUnit unit, Optional<LocalTime> cutOff) {
        return counting().due(received, amount, unit, cutOff);
    }

    /**
     * When the clock starts for something received at {@code received}: outside office hours, after the cut-off or
     * on a day off it starts at the next office slot (NĐ 297/2025 Art. 3(5), Art. 6(3); NĐ 63/2024 Art. 7(2)).
     */
    public LocalDateTime countingStart(LocalDateTime received, Optional<LocalTime> cutOff) {
        return counting().countingStart(received, cutOff);
    }

    /**
     * The moment {@code minutes} of office time have passed since {@code start}; a period that fills a slot exactly
     * ends at the slot's end (12:00, 17:00), not at the start of the next one.
     */
    public LocalDateTime addWorkingMinutes(LocalDateTime start, long minutes) {
        return counting().addWorkingMinutes(start, minutes);
    }

    /** The moment {@code minutes} of office time before {@code end}, e.g. when to warn before a due time. */
    public LocalDateTime subtractWorkingMinutes(LocalDateTime end, long minutes) {
        return counting().subtractWorkingMinutes(end, minutes);
    }

    /** Office minutes between two moments; negative when {@code to} is before {@code from}. */
    public long workingMinutesBetween(LocalDateTime from, LocalDateTime to) {
        return counting().workingMinutesBetween(from, to);
    }

    private Counting counting() {
        WorkingCalendar calendar = calendars.get();
        return new Counting(calendar, hours.orElseGet(() -> calendar.officeHours(agency.orElse(null))));
    }
}
