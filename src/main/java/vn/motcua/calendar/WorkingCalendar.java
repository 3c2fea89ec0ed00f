package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * Which days public servants work: Monday to Friday, except the days a calendar file lists as off or as extra
 * working days. MoHA announces the holidays and swap days each year, so they are data, not a formula; a date is
 * effective for the day it names, so one file holds past, current and announced years side by side.
 */
public final class WorkingCalendar {

    private static final String PUBLIC_SECTOR = "calendar/public-sector.tsv";

    private final String source;
    private final Map<LocalDate, Boolean> exceptions;
    private final Set<LocalDate> unverified;
    private final Map<String, OfficeHours> officeHours;

    private WorkingCalendar(String source, CalendarFile.Contents contents) {
        this.source = source;
        this.exceptions = Map.copyOf(contents.days());
        this.unverified = Set.copyOf(contents.unverified());
        this.officeHours = Map.copyOf(contents.officeHours());
    }

    /** Reads a calendar file (see {@link CalendarFile}); the caller closes the stream. */
    public static WorkingCalendar load(InputStream tsv) {
        return load("calendar", tsv);
    }

    /**
     * Reads a calendar file named {@code source} in error messages.
     *
     * @throws CalendarError naming the file and line of the first problem
     */
    public static WorkingCalendar load(String source, InputStream tsv) {
        return new WorkingCalendar(source, CalendarFile.read(source, tsv));
    }

    public static WorkingCalendar publicSector() {
        try (InputStream tsv = WorkingCalendar.class.getClassLoader().getResourceAsStream(PUBLIC_SECTOR)) {
            if (tsv == null) {
                throw new IllegalStateException("Missing classpath resource " + PUBLIC_SECTOR);
            }
            return load("classpath:" + PUBLIC_SECTOR, tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String source() {
        return source;
    }

    public boolean isWorkingDay(LocalDate date) {
        // QĐ 188/1999/QĐ-TTg: civil servants work a 40-hour week, Monday to Friday
        return exceptions.getOrDefault(date, !isWeekend(date));
    }

    /**
     * Whether the year's days off come from a checked source: false when the file marks one of them unverified, or
     * lists nothing for that year (the holidays of an unannounced year are unknown).
     */
    public boolean isVerified(int year) {
        return exceptions.keySet().stream().anyMatch(day -> day.getYear() == year)
                && unverified.stream().noneMatch(day -> day.getYear() == year);
    }

    /** The office hours of an agency, or the file's default ({@code hours * …}), or 08:00–12:00 and 13:00–17:00. */
    public OfficeHours officeHours(String agencyCode) {
        OfficeHours fallback = officeHours.getOrDefault(CalendarFile.ALL_AGENCIES, OfficeHours.standard());
        return agencyCode == null ? fallback : officeHours.getOrDefault(agencyCode, fallback);
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

    LocalDate previousWorkingDayBefore(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDayAfter(date);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
