package vn.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two JSON shapes of an import: ours (a list of procedures with the fields of {@link Procedure}) and the
 * national procedure database's (domain.md §8: MATTHC, TENTTHC, LINHVUCTHUCHIEN …), with our settings per procedure in
 * a block {@code MOTCUA} or, per agency, in the file's {@code defaults}. Either is a list, or an object with
 * {@code procedures} (and, for the national shape, {@code defaults}).
 */
final class JsonCatalogue {

    static final String OURS = "JSON";
    static final String NATIONAL = "NATIONAL_JSON";

    /** What a file holds: its shape, its procedures, our settings per agency code (national shape). */
    record Read(String format, List<ImportRow> rows, Map<String, ImportRow.Settings> defaults) {}

    private JsonCatalogue() {}

    static Read read(JsonNode root) {
        JsonNode list = root.isArray() ? root : root.path("procedures");
        if (!list.isArray()) {
            throw new ImportFileError(
                    "tệp JSON phải là một danh sách thủ tục, hoặc một đối tượng có \"procedures\"",
                    "a JSON file must be a list of procedures, or an object with \"procedures\"");
        }
        boolean national = list.size() > 0 && list.get(0).has("MATTHC");
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rows.add(national ? national(i + 1, list.get(i)) : ours(i + 1, list.get(i)));
        }
        Map<String, ImportRow.Settings> defaults = new LinkedHashMap<>();
        root.path("defaults")
                .fields()
                .forEachRemaining(agency -> defaults.put(agency.getKey(), settings(agency.getValue())));
        return new Read(national ? NATIONAL : OURS, rows, defaults);
    }

    private static ImportRow ours(int row, JsonNode p) {
        List<ImportRow.Component> components = new ArrayList<>();
        p.path("components")
                .forEach(c -> components.add(new ImportRow.Component(
                        text(c, "code"),
                        text(c, "name"),
                        c.has("required") ? text(c, "required") : required(text(c, "name")))));
        return new ImportRow(
                row,
                text(p, "code"),
                text(p, "name"),
                text(p, "sector"),
                text(p, "agencyCode"),
                text(p, "legalTime"),
                text(p, "timeUnit"),
                text(p, "fee"),
                text(p, "sourceNote"),
                components,
                settings(p).or(new ImportRow.Settings(null, null, null, null, null, "", "false", Map.of(), Map.of())));
    }

    private static ImportRow.Settings settings(JsonNode p) {
        Map<String, String> budgets = map(p, "stepBudgets");
        return new ImportRow.Settings(
                text(p, "processKey"),
                text(p, "startForm"),
                text(p, "receptionUnit"),
                text(p, "handlingUnit"),
                text(p, "onlineLevel"),
                p.has("cutOff")
                        ? (p.path("cutOff").isNull() ? "" : p.path("cutOff").asText())
                        : null,
                text(p, "handoffOnly"),
                budgets,
                map(p, "routes"));
    }

    /** An object of texts ({@code stepBudgets}, {@code routes}), {@code null} when the procedure gives none. */
    private static Map<String, String> map(JsonNode p, String field) {
        if (!p.has(field)) {
            return null;
        }
        Map<String, String> given = new LinkedHashMap<>();
        p.path(field)
                .fields()
                .forEachRemaining(e -> given.put(
                        e.getKey(),
                        e.getValue().isValueNode() && !e.getValue().isNull()
                                ? e.getValue().asText()
                                : null));
        return given;
    }

    /** The national shape: time, unit and fee of the first channel, components of every group, the legal bases. */
    private static ImportRow national(int row, JsonNode p) {
        JsonNode time = p.path("CACHTHUCTHUCHIEN").path(0).path("THOIGIAN").path(0);
        List<String> fees = new ArrayList<>();
        time.path("PHILEPHI")
                .forEach(fee -> fees.add(
                        fee.path("MOTA").asText("").isBlank()
                                ? fee.path("SOTIEN").asText("") + " "
                                        + fee.path("DONVI").asText("")
                                : fee.path("MOTA").asText()));
        List<ImportRow.Component> components = new ArrayList<>();
        p.path("THANHPHANHOSO")
                .forEach(group -> group.path("GIAYTO")
                        .forEach(paper -> components.add(new ImportRow.Component(
                                text(paper, "MAGIAYTO"),
                                text(paper, "TENGIAYTO"),
                                required(text(paper, "TENGIAYTO"))))));
        List<String> bases = new ArrayList<>();
        p.path("CANCUPHAPLY")
                .forEach(basis -> bases.add((basis.path("TENVANBAN").asText("") + " "
                                + basis.path("SOVANBAN").asText(""))
                        .trim()));
        return new ImportRow(
                row,
                text(p, "MATTHC"),
                text(p, "TENTTHC"),
                text(p.path("LINHVUCTHUCHIEN").path(0), "TENLINHVUC"),
                text(p.path("COQUANTHUCHIEN").path(0), "MADONVI"),
                text(time, "THOIGIANGIAIQUYET"),
                text(time, "DONVITINH"),
                fees.isEmpty() ? "Miễn phí" : String.join("; ", fees).trim(),
                bases.isEmpty() ? null : String.join("; ", bases),
                components,
                p.has("MOTCUA") ? settings(p.path("MOTCUA")) : ImportRow.Settings.NONE);
    }

    /** The national database marks an optional paper in its name, as our catalogue does: "… (nếu có)". */
    static String required(String name) {
        return name != null && name.strip().endsWith("(nếu có)") ? "false" : "true";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
