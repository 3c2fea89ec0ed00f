package vn.motcua.nationalportal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.catalog.CatalogueImports;
import vn.motcua.catalog.ImportReport;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * The national catalogue compared with ours: {@code LayDanhSachTTHC} for the list, {@code LayThuTuc} for each of the
 * agencies this installation serves; per procedure, what is new there, what differs (name, sector, legal time and
 * its unit, components) and what only we have; and {@link #apply} imports the national version of the changed ones
 * through the catalogue import, as versions in force from a day, so that dossiers in progress keep their rules.
 */
@Component
class CataloguePull {

    private final PortalClient portal;
    private final PortalMapping mapping;
    private final Procedures procedures;
    private final CatalogueImports imports;
    private final ObjectMapper json;

    CataloguePull(
            PortalClient portal,
            NationalPortalSettings settings,
            Procedures procedures,
            CatalogueImports imports,
            ObjectMapper json) {
        this.portal = portal;
        this.mapping = PortalMapping.of(settings.mapping());
        this.procedures = procedures;
        this.imports = imports;
        this.json = json;
    }

    /** One field that differs: ours and the national catalogue's. */
    record Difference(String field, Object ours, Object national) {}

    /** A procedure: NEW (only in the national catalogue), CHANGED, SAME or ONLY_OURS. */
    record Entry(String code, String name, String state, List<Difference> differences) {}

    record Report(int national, int ours, Map<String, Integer> counts, List<Entry> procedures) {}

    Report compare() throws PortalClient.Unavailable {
        return fetch().report();
    }

    /** The comparison, and the national catalogue's own entries of the procedures compared (LayThuTuc's results). */
    private record Fetched(Report report, Map<String, JsonNode> national) {}

    /** What an import of the national catalogue did: the comparison, the codes taken, the catalogue import's report. */
    record Applied(Report comparison, List<String> imported, ImportReport report) {}

    /**
     * Imports the national catalogue's version of every CHANGED procedure (ours keeps its model, form, units and
     * budgets: the import carries them over) and of every NEW one whose agency has our settings in {@code defaults}
     * (the import's {@code defaults}: processKey, startForm, units… per agency code), as versions in force from
     * {@code effectiveFrom}; through the catalogue import, so the whole set is checked first and stored only whole.
     */
    Applied apply(LocalDate effectiveFrom, boolean dryRun, JsonNode defaults, String user)
            throws PortalClient.Unavailable {
        Fetched fetched = fetch();
        List<String> codes = new ArrayList<>();
        ArrayNode chosen = json.createArrayNode();
        for (Entry entry : fetched.report().procedures()) {
            JsonNode national = fetched.national().get(entry.code());
            boolean changed = entry.state().equals("CHANGED");
            boolean newWithSettings = entry.state().equals("NEW")
                    && defaults != null
                    && defaults.has(national.path("COQUANTHUCHIEN")
                            .path(0)
                            .path("MADONVI")
                            .asText());
            if (changed || newWithSettings) {
                codes.add(entry.code());
                chosen.add(national);
            }
        }
        if (codes.isEmpty()) {
            return new Applied(fetched.report(), List.of(), null);
        }
        ObjectNode file = json.createObjectNode();
        file.set("procedures", chosen);
        if (defaults != null && defaults.isObject()) {
            file.set("defaults", defaults);
        }
        byte[] content;
        try {
            content = json.writeValueAsBytes(file);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return new Applied(
                fetched.report(), codes, imports.run(content, "dvcqg-LayThuTuc.json", effectiveFrom, dryRun, user));
    }

    private Fetched fetch() throws PortalClient.Unavailable {
        Map<String, JsonNode> fetched = new LinkedHashMap<>();
        JsonNode list = portal.call("LayDanhSachTTHC", Map.of()).path("result");
        Map<String, Procedure> ours = new LinkedHashMap<>();
        procedures.search(null, null).forEach(p -> ours.put(p.code(), p));
        List<String> served = procedures.agencyCodes();
        List<Entry> entries = new ArrayList<>();
        int national = 0;
        for (JsonNode heading : list) {
            String code = heading.path("MATTHC").asText();
            String agency = heading.path("MACOQUAN").asText(null);
            if (!ours.containsKey(code) && agency != null && !served.contains(agency)) {
                continue;
            }
            national++;
            JsonNode answer = portal.call("LayThuTuc", Map.of("maTTHC", code));
            if (!PortalClient.OK.equals(answer.path("error_code").asText())) {
                continue;
            }
            fetched.put(code, answer.path("result"));
            PortalFacts.NationalProcedure theirs = mapping.procedure(answer.path("result"));
            Procedure mine = ours.remove(code);
            if (mine == null) {
                entries.add(new Entry(code, theirs.name(), "NEW", List.of()));
                continue;
            }
            List<Difference> differences = differences(mine, theirs);
            entries.add(new Entry(code, mine.name(), differences.isEmpty() ? "SAME" : "CHANGED", differences));
        }
        ours.values().stream()
                .filter(p -> !p.handoffOnly())
                .forEach(p -> entries.add(new Entry(p.code(), p.name(), "ONLY_OURS", List.of())));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of("NEW", "CHANGED", "SAME", "ONLY_OURS")) {
            counts.put(state, (int)
                    entries.stream().filter(e -> e.state().equals(state)).count());
        }
        return new Fetched(
                new Report(national, national - counts.get("NEW") + counts.get("ONLY_OURS"), counts, entries), fetched);
    }

    private static List<Difference> differences(Procedure ours, PortalFacts.NationalProcedure theirs) {
        List<Difference> differences = new ArrayList<>();
        compare(differences, "name", ours.name(), theirs.name());
        compare(differences, "sector", ours.sector(), theirs.sector());
        compare(differences, "legalTime", ours.legalTime(), theirs.legalTime());
        compare(
                differences,
                "timeUnit",
                ours.timeUnit(),
                unit(theirs.timeUnitText()).orElse(null));
        compare(differences, "components", codes(ours.components()), codes(theirs.components()));
        return differences;
    }

    private static void compare(List<Difference> differences, String field, Object ours, Object theirs) {
        if (theirs != null && !Objects.equals(ours, theirs)) {
            differences.add(new Difference(field, ours, theirs));
        }
    }

    private static List<String> codes(List<Procedure.Component> components) {
        return components.stream().map(Procedure.Component::code).sorted().toList();
    }

    /** "Ngày làm việc", "Giờ làm việc", "Ngày": the unit of the legal time as the national catalogue writes it. */
    static Optional<TimeUnit> unit(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String unit = text.toLowerCase(Locale.forLanguageTag("vi")).strip();
        if (unit.contains("giờ")) {
            return Optional.of(TimeUnit.WORKING_HOURS);
        }
        return Optional.of(unit.contains("làm việc") ? TimeUnit.WORKING_DAYS : TimeUnit.CALENDAR_DAYS);
    }
}
