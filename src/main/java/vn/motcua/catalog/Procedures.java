package vn.motcua.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The catalogue as the other modules see it. */
@Service
public class Procedures {

    /** How long the workflow's reads of the catalogue are kept: changes come by migration, rarely. */
    static final long STEP_READ_TTL_MILLIS = 60_000;

    private record Kept<V>(V value, long expiresAt) {}

    private final CatalogMapper catalog;
    private final Map<String, Kept<Optional<Procedure>>> forSteps = new ConcurrentHashMap<>();
    private final Map<String, Kept<Optional<String>>> budgetsForSteps = new ConcurrentHashMap<>();

    Procedures(CatalogMapper catalog) {
        this.catalog = catalog;
    }

    /**
     * {@link #find(String)} for the engine's steps, which read the same procedure at every task: kept for a minute,
     * so a catalogue change reaches running dossiers' next steps within that time. Checks and pages read fresh.
     */
    public Optional<Procedure> findForStep(String code) {
        return kept(forSteps, code, () -> find(code));
    }

    /** {@link #stepBudget(String, String)} for the engine's steps, kept like {@link #findForStep(String)}. */
    public Optional<String> stepBudgetForStep(String procedureCode, String taskKey) {
        return kept(budgetsForSteps, procedureCode + "\n" + taskKey, () -> stepBudget(procedureCode, taskKey));
    }

    private static <V> V kept(Map<String, Kept<V>> map, String key, java.util.function.Supplier<V> load) {
        long now = System.currentTimeMillis();
        Kept<V> entry = map.get(key);
        if (entry != null && entry.expiresAt() > now) {
            return entry.value();
        }
        V value = load.get();
        if (map.size() >= 10_000) {
            map.clear();
        }
        map.put(key, new Kept<>(value, now + STEP_READ_TTL_MILLIS));
        return value;
    }

    public Optional<Procedure> find(String code) {
        return catalog.findByCode(code).map(p -> p.with(components(code)));
    }

    /**
     * The agency whose one-stop shop receives the procedure's dossiers: the one whose departments are its reception
     * unit (the provincial centre for a department's procedure), else the procedure's own agency.
     */
    public Optional<Agency> receivingAgency(Procedure procedure) {
        return catalog.agencyOfUnit(procedure.receptionUnit()).or(() -> catalog.agency(procedure.agencyCode()));
    }

    /** The agency whose departments are the unit (e.g. "phanrang"). */
    public Optional<Agency> agencyOfUnit(String unit) {
        return catalog.agencyOfUnit(unit);
    }

    /** The codes of the agencies that have a procedure one may file, without reading the procedures. */
    public List<String> agencyCodes() {
        return catalog.agencyCodes();
    }

    /** An agency of the registry by its code. */
    public Optional<Agency> agency(String code) {
        return catalog.agency(code);
    }

    /** The procedure's code, name and agency, without reading its components. */
    public Optional<Procedure.Heading> heading(String code) {
        return catalog.findHeading(code);
    }

    public List<Procedure> search(String text, String agencyCode) {
        return catalog.search(blankToNull(text), blankToNull(agencyCode)).stream()
                .map(p -> p.with(components(p.code())))
                .toList();
    }

    /** The procedure's own budget for a step of its model, when it overrides the model's default. */
    public Optional<String> stepBudget(String procedureCode, String taskKey) {
        return catalog.stepBudget(procedureCode, taskKey);
    }

    // the pages and slips add "(nếu có)" to an optional component themselves: a name that carries it would read twice
    private List<Procedure.Component> components(String procedureCode) {
        return catalog.components(procedureCode).stream()
                .map(c -> c.required() ? c : new Procedure.Component(c.code(), withoutIfAny(c.name()), false))
                .toList();
    }

    static String withoutIfAny(String name) {
        return name.replaceFirst("\\s*\\(nếu có\\)\\s*$", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
