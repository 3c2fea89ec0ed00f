package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Which days public servants work: Monday to Friday, except the days a calendar file lists as off or as extra
 * working days. MoHA announces the holidays and swap days each year, so they are data, not a formula.
 */
public final class WorkingCalendar {

    private static final String PUBLIC_SECTOR = "calendar/public-sector.tsv";

    private final Map<LocalDate, Boolean> exceptions;

    private WorkingCalendar(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    /** Reads a calendar file (UTF-8 lines {@code date<TAB>off|work<TAB>reason}); the caller closes the stream. */
    public static WorkingCalendar load(InputStream tsv) {
        return new WorkingCalendar(CalendarFile.read(tsv));
    }

    public static WorkingCalendar publicSector() {
        try (InputStream tsv = WorkingCalendar.class.getClassLoader().getResourceAsStream(PUBLIC_SECTOR)) {
            if (tsv == null) {
                throw new IllegalStateException("Missing classpath resource " + PUBLIC_SECTOR);
            }
            return load(tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        // QĐ 188/1999/QĐ-TTg: civil servants work a 40-hour week, Monday to Friday
        return exceptions.getOrDefault(date, !isWeekend(date));
    }

    public long workingDaysIn(YearMonth month) {
        return month.atDay(1)
                .datesUntil(month.atEndOfMonth().plusDays(1))
                .filter(this::isWorkingDay)
                .count();
    }

    LocalDate nextWorkingDayAfter(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDayAfter(date);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
