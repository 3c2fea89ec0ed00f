package vn.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.api.Operators;
import vn.motcua.api.UserError;

/** Operators import catalogue files and read the history of imports with their reports. */
@RestController
@RequestMapping("/api/catalogue/imports")
class CatalogueImportsController {

    /** One import of the history; {@code report} only when one import is asked for. */
    record Entry(
            long id,
            LocalDateTime importedAt,
            String importedBy,
            String fileName,
            String sha256,
            String format,
            LocalDate effectiveFrom,
            int procedures,
            int newProcedures,
            int newVersions,
            int unchanged,
            JsonNode report) {}

    private final CatalogueImports imports;
    private final VersionMapper versions;
    private final ObjectMapper json;
    private final Clock clock;

    CatalogueImportsController(CatalogueImports imports, VersionMapper versions, ObjectMapper json, Clock clock) {
        this.imports = imports;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import procedures given as JSON (ours or the national database's shape): 201 with the report,"
                    + " 422 with the report naming each row and field when anything is wrong (nothing stored)")
    ResponseEntity<ImportReport> importJson(
            @RequestBody byte[] body,
            @Parameter(description = "the day the new versions come in force (default: today)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate effectiveFrom,
            @Parameter(description = "check and report only") @RequestParam(defaultValue = "false") boolean dryRun,
            Authentication user) {
        checkOperator(user);
        return answer(imports.run(body, null, dayOr(effectiveFrom), dryRun, user.getName()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a catalogue file (part file: .json or .xlsx), as the JSON import")
    ResponseEntity<ImportReport> importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Authentication user)
            throws IOException {
        checkOperator(user);
        return answer(
                imports.run(file.getBytes(), file.getOriginalFilename(), dayOr(effectiveFrom), dryRun, user.getName()));
    }

    @GetMapping
    @Operation(summary = "The imports, newest first (the last 200), without their reports")
    List<Entry> history(Authentication user) {
        checkOperator(user);
        return versions.imports().stream().map(row -> entry(row, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One import with its report")
    Entry one(@PathVariable long id, Authentication user) throws IOException {
        checkOperator(user);
        VersionMapper.ImportRow row = versions.importById(id)
                .orElseThrow(() -> UserError.notFound(
                        "Không có lần nhập danh mục số " + id + ".", "There is no catalogue import " + id + "."));
        return entry(row, json.readTree(row.report()));
    }

    private static ResponseEntity<ImportReport> answer(ImportReport report) {
        HttpStatus status;
        if (!report.accepted()) {
            boolean unreadable = report.problems().stream().anyMatch(p -> "file".equals(p.field()));
            status = unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        } else {
            status = report.dryRun() ? HttpStatus.OK : HttpStatus.CREATED;
        }
        return ResponseEntity.status(status).body(report);
    }

    private LocalDate dayOr(LocalDate effectiveFrom) {
        return effectiveFrom != null ? effectiveFrom : LocalDate.now(clock);
    }

    private static Entry entry(VersionMapper.ImportRow row, JsonNode report) {
        return new Entry(
                row.id(),
                row.importedAt(),
                row.importedBy(),
                row.fileName(),
                row.sha256(),
                row.format(),
                row.effectiveFrom(),
                row.procedures(),
                row.newProcedures(),
                row.newVersions(),
                row.unchanged(),
                report);
    }

    private static void checkOperator(Authentication user) {
        Operators.require(
                user,
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được nhập danh mục thủ tục và xem lịch sử nhập.",
                "Only operators (group camunda-admin) may import the procedure catalogue and see its imports.");
    }
}
