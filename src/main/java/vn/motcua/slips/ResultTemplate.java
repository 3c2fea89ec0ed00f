package vn.motcua.slips;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one kind of result document, from {@code src/main/resources/results/*.json}: the procedures it serves,
 * the symbol of its number (Số: …/GPXD-UBND), title, subtitle and lines. A line's text may name fields in braces:
 * the dossier's ({@code code}, {@code applicantName}, {@code applicantAddress}, {@code applicantIdNumber},
 * {@code summary}, {@code procedureName}, {@code procedureCode}, {@code agencyName}) and the process variables that the
 * start form and the task forms set (e.g. {@code constructionAddress}, {@code appraisalNote}).
 */
record ResultTemplate(List<String> procedures, String symbol, String title, String subtitle, List<Line> lines) {

    record Line(String label, String text, boolean indent) {}

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** The permit or result of a procedure, or the reasoned refusal. */
    static final List<String> FILES = List.of("giay-phep-xay-dung", "ket-qua", "tu-choi");

    static ResultTemplate load(String name, ObjectMapper json) {
        try (InputStream in = ResultTemplate.class.getResourceAsStream("/results/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("The result template results/" + name + ".json is missing");
            }
            return json.readValue(in, ResultTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The result template results/" + name + ".json cannot be read", e);
        }
    }

    /** The text with each field replaced by its value; a field with no value is left as a dotted gap to fill. */
    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        Matcher matcher = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(value == null || value.isBlank() ? "…………" : value.trim()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The fields the template names, for the check that each exists. */
    List<String> fields() {
        StringBuilder all = new StringBuilder(title + " " + subtitle);
        lines.forEach(line -> all.append(' ').append(line.label()).append(' ').append(line.text()));
        return FIELD.matcher(all).results().map(m -> m.group(1)).distinct().toList();
    }
}
