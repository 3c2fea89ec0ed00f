package vn.motcua.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Parses a calendar file into the days that differ from the Monday-to-Friday week (true = working day). */
final class CalendarFile {

    private CalendarFile() {}

    static Map<LocalDate, Boolean> read(InputStream tsv) {
        var reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        Map<LocalDate, Boolean> days = new HashMap<>();
        try {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String content = number == 1 ? line.replace("\uFEFF", "") : line;
                if (!content.isBlank() && !content.strip().startsWith("#")) {
                    parse(content, number, days);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    private static void parse(String line, int number, Map<LocalDate, Boolean> days) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3 || fields[2].isBlank()) {
            throw invalid(number, line, "expected date<TAB>off|work<TAB>reason");
        }
        LocalDate date = date(fields[0].strip(), number, line);
        boolean working = switch (fields[1].strip()) {
            case "off" -> false;
            case "work" -> true;
            default -> throw invalid(number, line, "unknown kind '" + fields[1].strip() + "'");
        };
        if (days.putIfAbsent(date, working) != null) {
            throw invalid(number, line, date + " is listed twice");
        }
    }

    private static LocalDate date(String text, int number, String line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(number, line, "bad date '" + text + "'");
        }
    }

    private static IllegalArgumentException invalid(int number, String line, String problem) {
        return new IllegalArgumentException("Calendar line " + number + ": " + problem + " in \"" + line + "\"");
    }
}
