package vn.motcua.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a catalogue file (our JSON, the national database's JSON, or a workbook) as new procedure versions in force
 * from a date: the whole file is checked before anything is stored, and one problem anywhere stores nothing. A procedure
 * identical to its newest version gets no new version. The department routes a procedure gives are stored with it.
 * Each stored import is kept with its report.
 */
@Service
public class CatalogueImports {

    private final CatalogMapper catalog;
    private final VersionMapper versions;
    private final Procedures procedures;
    private final VersionsInForce inForce;
    private final List<ProcedureChecks> checks;
    private final ObjectMapper json;
    private final Clock clock;
    private final SearchMapper search;
    private final DepartmentRoutes routes;

    CatalogueImports(
            CatalogMapper catalog,
            VersionMapper versions,
            SearchMapper search,
            Procedures procedures,
            VersionsInForce inForce,
            DepartmentRoutes routes,
            List<ProcedureChecks> checks,
            ObjectMapper json,
            Clock clock) {
        this.catalog = catalog;
        this.versions = versions;
        this.search = search;
        this.procedures = procedures;
        this.inForce = inForce;
        this.routes = routes;
        this.checks = checks;
        this.json = json;
        this.clock = clock;
    }

    private record Parsed(String format, List<ImportRow> rows, Map<String, ImportRow.Settings> defaults) {}

    /** The newest version of a code, with its step budgets. */
    private record Newest(Procedure procedure, Map<String, String> stepBudgets) {}

    /**
     * Imports the file unless an import of the very same content is recorded already: the demo catalogue, at every
     * start of every node. Empty when it was.
     */
    @Transactional
    public Optional<ImportReport> runOnce(byte[] content, String fileName, LocalDate effectiveFrom, String user) {
        search.lock();
        if (versions.importsOf(sha256(content)) > 0) {
            return Optional.empty();
        }
        return Optional.of(run(content, fileName, effectiveFrom, false, user));
    }

    /** Imports the file (JSON or .xlsx) whole or not at all; the report says which, and why. */
    @Transactional
    public ImportReport run(byte[] content, String fileName, LocalDate effectiveFrom, boolean dryRun, String user) {
        if (!dryRun) {
            // one import at a time in the whole cluster: a second waits, then finds what the first stored
            search.lock();
        }
        String sha256 = sha256(content);
        Parsed parsed;
        try {
            parsed = parse(content, fileName);
        } catch (ImportFileError unreadable) {
            return refused(
                    fileName,
                    null,
                    sha256,
                    effectiveFrom,
                    dryRun,
                    0,
                    List.of(new ImportReport.Problem(
                            0, null, "file", unreadable.vietnamese(), unreadable.getMessage())));
        }
        Map<String, Newest> newest = new HashMap<>();
        parsed.rows().stream()
                .map(ImportRow::code)
                .filter(code -> code != null && !code.isBlank())
                .distinct()
                .forEach(code -> newest(code.strip()).ifPresent(n -> newest.put(code.strip(), n)));
        List<ImportRow> rows = parsed.rows().stream()
                .map(row -> withOwnSettings(row, parsed, newest))
                .toList();
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<ProcedureChecks.Candidate> candidates = check(rows, effectiveFrom, newest, problems);
        if (!problems.isEmpty()) {
            return refused(fileName, parsed.format(), sha256, effectiveFrom, dryRun, rows.size(), problems);
        }
        List<ImportReport.Outcome> outcomes = new ArrayList<>();
        for (ProcedureChecks.Candidate candidate : candidates) {
            outcomes.add(outcome(candidate, newest.get(candidate.procedure().code())));
        }
        ImportReport report = report(null, fileName, parsed.format(), sha256, effectiveFrom, dryRun, rows, outcomes);
        if (dryRun) {
            return report;
        }
        VersionMapper.GeneratedId id = new VersionMapper.GeneratedId();
        versions.insertImport(row(report, user), id);
        for (int i = 0; i < candidates.size(); i++) {
            ImportReport.Outcome outcome = outcomes.get(i);
            if (outcome.result() != ImportReport.Result.UNCHANGED) {
                store(candidates.get(i), outcome.version(), id.id);
            }
            // routes are not part of a version: an unchanged procedure's are stored too
            routes.storeExact(candidates.get(i).procedure(), candidates.get(i).routes(), user);
        }
        inForce.promoteDue(LocalDate.now(clock));
        ImportReport stored = report(id.id, fileName, parsed.format(), sha256, effectiveFrom, false, rows, outcomes);
        versions.importReport(id.id, toJson(stored));
        return stored;
    }

    private Parsed parse(byte[] content, String fileName) {
        boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
        if (zip || fileName != null && fileName.toLowerCase().endsWith(".xlsx")) {
            return new Parsed(WorkbookCatalogue.FORMAT, WorkbookCatalogue.read(content), Map.of());
        }
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (IOException notJson) {
            throw new ImportFileError(
                    "tệp không phải JSON đọc được hay bảng tính .xlsx", "the file is neither readable JSON nor .xlsx");
        }
        if (root == null || root.isMissingNode()) {
            throw new ImportFileError("tệp rỗng", "the file is empty");
        }
        JsonCatalogue.Read read = JsonCatalogue.read(root);
        return new Parsed(read.format(), read.rows(), read.defaults());
    }

    /**
     * Our settings a national file or a workbook leaves out: the file's defaults for the agency, then the newest
     * version's (a procedure changed by the national database keeps its model, form, units and budgets here).
     */
    private static ImportRow withOwnSettings(ImportRow row, Parsed parsed, Map<String, Newest> newest) {
        if (JsonCatalogue.OURS.equals(parsed.format())) {
            return row;
        }
        ImportRow withDefaults = row.agencyCode() == null
                ? row
                : row.with(parsed.defaults().getOrDefault(row.agencyCode().strip(), ImportRow.Settings.NONE));
        Newest existing = row.code() == null ? null : newest.get(row.code().strip());
        return existing == null
                ? withDefaults
                : withDefaults.with(ImportRow.Settings.of(existing.procedure(), existing.stepBudgets()));
    }

    private List<ProcedureChecks.Candidate> check(
            List<ImportRow> rows,
            LocalDate effectiveFrom,
            Map<String, Newest> newest,
            List<ImportReport.Problem> problems) {
        ImportChecks.Known known = new ImportChecks.Known(
                agencies(),
                new java.util.HashSet<>(catalog.units()),
                newest.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().procedure().effectiveFrom())));
        Map<String, Integer> firstRow = new HashMap<>();
        List<ProcedureChecks.Candidate> candidates = new ArrayList<>();
        Map<Integer, String> codes = new HashMap<>();
        for (ImportRow row : rows) {
            codes.put(row.row(), row.code());
            if (row.code() != null && !row.code().isBlank()) {
                Integer first = firstRow.putIfAbsent(row.code().strip(), row.row());
                if (first != null) {
                    problems.add(new ImportReport.Problem(
                            row.row(),
                            row.code(),
                            "code",
                            "mã thủ tục " + row.code().strip() + " trùng với dòng " + first,
                            "the code " + row.code().strip() + " is also on row " + first));
                }
            }
            ImportChecks.check(row, effectiveFrom, known, problems).ifPresent(candidates::add);
        }
        if (rows.isEmpty()) {
            problems.add(new ImportReport.Problem(
                    0, null, "procedures", "tệp không có thủ tục nào", "the file holds no procedure"));
        }
        if (!candidates.isEmpty()) {
            for (ProcedureChecks check : checks) {
                for (ProcedureChecks.Problem problem : check.problems(candidates)) {
                    problems.add(new ImportReport.Problem(
                            problem.row(),
                            codes.get(problem.row()),
                            problem.field(),
                            problem.message(),
                            problem.messageEn()));
                }
            }
        }
        problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return candidates;
    }

    private Map<String, String> agencies() {
        Map<String, String> agencies = new HashMap<>();
        for (String code : catalog.allAgencyCodes()) {
            agencies.put(code, catalog.agency(code).map(Agency::name).orElse(code));
        }
        return agencies;
    }

    private Optional<Newest> newest(String code) {
        int live = catalog.liveVersion(code).orElse(0);
        int kept = versions.latest(code).map(VersionMapper.Latest::version).orElse(0);
        int number = Math.max(live, kept);
        if (number == 0) {
            return Optional.empty();
        }
        return procedures.version(code, number).map(p -> new Newest(p, procedures.stepBudgets(p)));
    }

    private static ImportReport.Outcome outcome(ProcedureChecks.Candidate candidate, Newest newest) {
        String code = candidate.procedure().code();
        if (newest == null) {
            return new ImportReport.Outcome(candidate.row(), code, ImportReport.Result.NEW_PROCEDURE, 1);
        }
        int version = newest.procedure().version();
        return same(candidate, newest)
                ? new ImportReport.Outcome(candidate.row(), code, ImportReport.Result.UNCHANGED, version)
                : new ImportReport.Outcome(candidate.row(), code, ImportReport.Result.NEW_VERSION, version + 1);
    }

    /** Identical in everything the law and this installation say: the effective date and number aside. */
    private static boolean same(ProcedureChecks.Candidate candidate, Newest newest) {
        return comparable(candidate.procedure()).equals(comparable(newest.procedure()))
                && candidate.stepBudgets().equals(newest.stepBudgets());
    }

    private static Procedure comparable(Procedure p) {
        return new Procedure(
                p.code(),
                p.name(),
                p.sector(),
                p.agencyCode(),
                null,
                p.legalTime(),
                p.timeUnit(),
                p.cutOff(),
                p.fee(),
                p.onlineLevel(),
                p.processKey(),
                p.startForm(),
                p.receptionUnit(),
                p.handlingUnit(),
                null,
                p.sourceNote(),
                p.handoffOnly(),
                p.components(),
                0);
    }

    private void store(ProcedureChecks.Candidate candidate, int version, Long importId) {
        Procedure p = candidate.procedure();
        catalog.liveVersion(p.code()).ifPresent(live -> inForce.keepLive(p.code(), live));
        Procedure numbered = new Procedure(
                p.code(),
                p.name(),
                p.sector(),
                p.agencyCode(),
                p.agencyName(),
                p.legalTime(),
                p.timeUnit(),
                p.cutOff(),
                p.fee(),
                p.onlineLevel(),
                p.processKey(),
                p.startForm(),
                p.receptionUnit(),
                p.handlingUnit(),
                p.effectiveFrom(),
                p.sourceNote(),
                p.handoffOnly(),
                p.components(),
                version);
        inForce.add(numbered, candidate.stepBudgets(), importId);
    }

    private static ImportReport report(
            Long id,
            String fileName,
            String format,
            String sha256,
            LocalDate effectiveFrom,
            boolean dryRun,
            List<ImportRow> rows,
            List<ImportReport.Outcome> outcomes) {
        return new ImportReport(
                id,
                fileName,
                format,
                sha256,
                effectiveFrom,
                dryRun,
                true,
                rows.size(),
                count(outcomes, ImportReport.Result.NEW_PROCEDURE),
                count(outcomes, ImportReport.Result.NEW_VERSION),
                count(outcomes, ImportReport.Result.UNCHANGED),
                outcomes,
                List.of());
    }

    private static ImportReport refused(
            String fileName,
            String format,
            String sha256,
            LocalDate effectiveFrom,
            boolean dryRun,
            int procedures,
            List<ImportReport.Problem> problems) {
        return new ImportReport(
                null, fileName, format, sha256, effectiveFrom, dryRun, false, procedures, 0, 0, 0, List.of(), problems);
    }

    private static int count(List<ImportReport.Outcome> outcomes, ImportReport.Result result) {
        return (int) outcomes.stream().filter(o -> o.result() == result).count();
    }

    private VersionMapper.ImportRow row(ImportReport report, String user) {
        return new VersionMapper.ImportRow(
                0,
                LocalDateTime.now(clock),
                user,
                report.fileName(),
                report.sha256(),
                report.format(),
                report.effectiveFrom(),
                report.procedures(),
                report.newProcedures(),
                report.newVersions(),
                report.unchanged(),
                "{}");
    }

    private String toJson(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
