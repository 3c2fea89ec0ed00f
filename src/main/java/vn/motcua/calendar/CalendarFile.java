package vn.motcua.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a calendar file. Lines are {@code date<TAB>off|work<TAB>reason[<TAB>unverified]}, where date may be a range
 * {@code 2026-02-16..2026-02-20}, or {@code hours<TAB>agency|*<TAB>08:00-12:00 13:00-17:00} for office hours. Any
 * problem names the file and the line, and nothing of the file is used.
 */
final class CalendarFile {

    static final String ALL_AGENCIES = "*";

    /** What a file holds: days that differ from the Monday-to-Friday week (true = working), and office hours. */
    record Contents(Map<LocalDate, Boolean> days, Set<LocalDate> unverified, Map<String, OfficeHours> officeHours) {}

    private final String source;
    private final Map<LocalDate, Boolean> days = new HashMap<>();
    private final Map<LocalDate, Integer> lineOfDay = new HashMap<>();
    private final Set<LocalDate> unverified = new HashSet<>();
    private final Map<String, OfficeHours> officeHours = new HashMap<>();

    private CalendarFile(String source) {
        this.source = source;
    }

    static Contents read(String source, InputStream tsv) {
        CalendarFile file = new CalendarFile(source);
        var reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        try {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String content = number == 1 ? line.replace("\uFEFF", "") : line;
                if (!content.isBlank() && !content.strip().startsWith("#")) {
                    file.parse(content, number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Contents(file.days, file.unverified, file.officeHours);
    }

    private void parse(String line, int number) {
        String[] fields = line.split("\t", -1);
        if (fields[0].strip().equals("hours")) {
            parseHours(fields, number, line);
            return;
        }
        if (fields.length < 3 || fields.length > 4 || fields[2].isBlank()) {
            throw invalid(number, line, "expected date<TAB>off|work<TAB>reason[<TAB>unverified]");
        }
        boolean working = switch (fields[1].strip()) {
            case "off" -> false;
            case "work" -> true;
            default -> throw invalid(number, line, "unknown kind '" + fields[1].strip() + "'");
        };
        boolean isUnverified = fields.length == 4 && confidence(fields[3].strip(), number, line);
        for (LocalDate date : dates(fields[0].strip(), number, line)) {
            Integer earlier = lineOfDay.putIfAbsent(date, number);
            if (earlier != null) {
                String what = days.get(date) == working ? "is listed twice" : "is both off and a working day";
                throw invalid(number, line, date + " " + what + " (see line " + earlier + ")");
            }
            days.put(date, working);
            if (isUnverified) {
                unverified.add(date);
            }
        }
    }

    private boolean confidence(String tag, int number, String line) {
        return switch (tag) {
            case "unverified" -> true;
            case "verified", "" -> false;
            default ->
                throw invalid(number, line, "the fourth column is 'verified' or 'unverified', not '" + tag + "'");
        };
    }

    private List<LocalDate> dates(String text, int number, String line) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            return List.of(date(text, number, line));
        }
        LocalDate first = date(text.substring(0, dots), number, line);
        LocalDate last = date(text.substring(dots + 2), number, line);
        if (last.isBefore(first)) {
            throw invalid(number, line, "the range ends before it starts");
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private void parseHours(String[] fields, int number, String line) {
        if (fields.length != 3 || fields[1].isBlank()) {
            throw invalid(number, line, "expected hours<TAB>agency or *<TAB>08:00-12:00 13:00-17:00");
        }
        List<TimeSlot> slots = new ArrayList<>();
        for (String slot : fields[2].strip().split("\\s+")) {
            String[] ends = slot.split("-", -1);
            if (ends.length != 2) {
                throw invalid(number, line, "an office slot looks like 08:00-12:00, not '" + slot + "'");
            }
            try {
                slots.add(new TimeSlot(time(ends[0], number, line), time(ends[1], number, line)));
            } catch (IllegalArgumentException e) {
                throw invalid(number, line, e.getMessage());
            }
        }
        OfficeHours hours;
        try {
            hours = new OfficeHours(slots);
        } catch (IllegalArgumentException e) {
            throw invalid(number, line, e.getMessage());
        }
        if (officeHours.putIfAbsent(fields[1].strip(), hours) != null) {
            throw invalid(number, line, "office hours of '" + fields[1].strip() + "' are given twice");
        }
    }

    private LocalTime time(String text, int number, String line) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(number, line, "bad time '" + text.strip() + "'");
        }
    }

    private LocalDate date(String text, int number, String line) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(number, line, "bad date '" + text.strip() + "'");
        }
    }

    private CalendarError invalid(int number, String line, String problem) {
        return new CalendarError(source, number, problem + " in \"" + line + "\"");
    }
}
