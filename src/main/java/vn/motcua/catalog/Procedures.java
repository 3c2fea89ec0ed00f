package vn.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The catalogue as the other modules see it. A procedure has versions, each in force from its effective date:
 * {@link #find} answers the one in force now (the engine's clock), {@link #version} the one a dossier was filed under.
 */
@Service
public class Procedures {

    /** How long the workflow's reads of the catalogue are kept: changes come by migration or import, rarely. */
    static final long STEP_READ_TTL_MILLIS = 60_000;

    private record Kept<V>(V value, long expiresAt) {}

    private final CatalogMapper catalog;
    private final VersionMapper versions;
    private final Clock clock;
    private final Map<String, Kept<Optional<Procedure>>> forSteps = new ConcurrentHashMap<>();
    private final Map<String, Kept<Optional<String>>> budgetsForSteps = new ConcurrentHashMap<>();
    private final Map<String, Kept<Optional<Agency>>> agenciesForSteps = new ConcurrentHashMap<>();

    Procedures(CatalogMapper catalog, VersionMapper versions, Clock clock) {
        this.catalog = catalog;
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * {@link #find(String)} for the engine's steps, which read the same procedure at every task: kept for a minute,
     * so a catalogue change reaches running dossiers' next steps within that time. Checks and pages read fresh.
     */
    public Optional<Procedure> findForStep(String code) {
        return kept(forSteps, code, () -> find(code));
    }

    /** {@link #version(String, int)} for the engine's steps, kept like {@link #findForStep(String)}. */
    public Optional<Procedure> versionForStep(String code, int version) {
        return kept(forSteps, code + "\n" + version, () -> version(code, version));
    }

    /** {@link #stepBudget(Procedure, String)} for the engine's steps, kept like {@link #findForStep(String)}. */
    public Optional<String> stepBudgetForStep(Procedure procedure, String taskKey) {
        return kept(
                budgetsForSteps,
                procedure.code() + "\n" + procedure.version() + "\n" + taskKey,
                () -> stepBudget(procedure, taskKey));
    }

    /**
     * {@link #agency(String)} for the engine's steps and the documents they issue (slips, results), which print the same
     * agency at every dossier: kept like {@link #findForStep(String)}.
     */
    public Optional<Agency> agencyForStep(String code) {
        return kept(agenciesForSteps, "code\n" + code, () -> agency(code));
    }

    /** {@link #receivingAgency(Procedure)} for the engine's steps and the documents they issue, kept likewise. */
    public Optional<Agency> receivingAgencyForStep(Procedure procedure) {
        return kept(
                agenciesForSteps,
                "receiving\n" + procedure.receptionUnit() + "\n" + procedure.agencyCode(),
                () -> receivingAgency(procedure));
    }

    private static <V> V kept(Map<String, Kept<V>> map, String key, Supplier<V> load) {
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

    /** The version in force now. */
    public Optional<Procedure> find(String code) {
        return inForceAt(code, LocalDateTime.now(clock));
    }

    /** The version in force at that time (before the first version's date: the one in force now). */
    public Optional<Procedure> inForceAt(String code, LocalDateTime at) {
        return versions.inForceOn(code, at.toLocalDate())
                .map(version -> version(code, version))
                .orElseGet(() -> live(code));
    }

    /** One version of the procedure, e.g. the one a dossier was filed under. */
    public Optional<Procedure> version(String code, int version) {
        Optional<Procedure> live =
                catalog.findByCode(code).filter(p -> p.version() == version).map(p -> p.with(components(code)));
        if (live.isPresent()) {
            return live;
        }
        return versions.find(code, version).map(p -> p.with(optionalNames(versions.components(code, version))));
    }

    /** Every version of the procedure, oldest first, with the one in force now marked. */
    public List<ProcedureVersion> versions(String code) {
        List<ProcedureVersion.Dated> dated = new ArrayList<>(versions.versions(code));
        Optional<Procedure> live = live(code);
        live.filter(p -> dated.stream().noneMatch(d -> d.version() == p.version()))
                .ifPresent(p -> dated.add(0, new ProcedureVersion.Dated(p.version(), p.effectiveFrom(), null)));
        int inForce = find(code).map(Procedure::version).orElse(-1);
        return dated.stream()
                .map(d -> new ProcedureVersion(
                        d.version(),
                        d.effectiveFrom(),
                        d.importId(),
                        d.version() == inForce,
                        version(code, d.version()).orElseThrow()))
                .toList();
    }

    /**
     * The first version imported that comes in force after today (the engine's clock), e.g. one published ahead of a new
     * law; empty when the version in force is the newest.
     */
    Optional<ProcedureVersion.Dated> upcoming(String code) {
        LocalDate today = LocalDate.now(clock);
        return versions.versions(code).stream()
                .filter(v -> v.effectiveFrom().isAfter(today))
                .findFirst();
    }

    /** The row {@code catalog_procedure} holds: the version in force now, once {@link VersionsInForce} has run. */
    private Optional<Procedure> live(String code) {
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

    /** The budget of a step of the model that the procedure in force now sets over the model's default. */
    public Optional<String> stepBudget(String procedureCode, String taskKey) {
        return catalog.stepBudget(procedureCode, taskKey);
    }

    /** The budget of a step of the model that this version of the procedure sets over the model's default. */
    public Optional<String> stepBudget(Procedure procedure, String taskKey) {
        return isLive(procedure)
                ? catalog.stepBudget(procedure.code(), taskKey)
                : versions.stepBudget(procedure.code(), procedure.version(), taskKey);
    }

    /** Every step budget this version of the procedure sets, by task key. */
    public Map<String, String> stepBudgets(Procedure procedure) {
        Map<String, String> budgets = new LinkedHashMap<>();
        (isLive(procedure)
                        ? catalog.stepBudgets(procedure.code())
                        : versions.stepBudgets(procedure.code(), procedure.version()))
                .forEach(b -> budgets.put(b.taskKey(), b.budget()));
        return budgets;
    }

    private boolean isLive(Procedure procedure) {
        return catalog.liveVersion(procedure.code()).orElse(-1) == procedure.version();
    }

    private List<Procedure.Component> components(String procedureCode) {
        return optionalNames(catalog.components(procedureCode));
    }

    // the pages and slips add "(nếu có)" to an optional component themselves: a name that carries it would read twice
    private static List<Procedure.Component> optionalNames(List<Procedure.Component> components) {
        return components.stream()
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
