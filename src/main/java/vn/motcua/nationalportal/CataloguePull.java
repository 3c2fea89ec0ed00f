package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * The national catalogue compared with ours: {@code LayDanhSachTTHC} for the list, {@code LayThuTuc} for each of the
 * agencies this installation serves; per procedure, what is new there, what differs (name, sector, legal time and
 * its unit, fee, components) and what only we have. Applying the differences is the catalogue import's (an
 * effective-dated version, so that dossiers in progress keep their rules); this report is what an operator reviews.
 */
@Component
class CataloguePull {

    private final PortalClient portal;
    private final PortalMapping mapping;
    private final Procedures procedures;

    CataloguePull(PortalClient portal, NationalPortalSettings settings, Procedures procedures) {
        this.portal = portal;
        this.mapping = PortalMapping.of(settings.mapping());
        this.procedures = procedures;
    }

    /** One field that differs: ours and the national catalogue's. */
    record Difference(String field, Object ours, Object national) {}

    /** A procedure: NEW (only in the national catalogue), CHANGED, SAME or ONLY_OURS. */
    record Entry(String code, String name, String state, List<Difference> differences) {}

    record Report(int national, int ours, Map<String, Integer> counts, List<Entry> procedures) {}

    Report compare() throws PortalClient.Unavailable {
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
        return new Report(national, national - counts.get("NEW") + counts.get("ONLY_OURS"), counts, entries);
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
