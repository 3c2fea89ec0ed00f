package vn.motcua.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;

@RestController
@RequestMapping("/api/procedures")
class CatalogController {

    private final Procedures procedures;
    private final ProcedureSearch search;

    CatalogController(Procedures procedures, ProcedureSearch search) {
        this.procedures = procedures;
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Public procedure catalogue, searchable by text (name, code, sector) and agency code")
    List<Procedure> search(
            @Parameter(description = "words of the name, the code or the sector") @RequestParam(required = false)
                    String q,
            @Parameter(description = "agency identifier code, e.g. 000.00.12.H43") @RequestParam(required = false)
                    String agency) {
        return procedures.search(q, agency);
    }

    @GetMapping("/search")
    @Operation(
            summary = "Catalogue search for citizens: every word, with or without diacritics, ranked and paginated,"
                    + " with counts per sector (before the sector filter)")
    ProcedureSearch.Page find(
            @Parameter(description = "words of the name, the code or the sector, e.g. xay dung")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "a sector as the counts name it, e.g. Hộ tịch") @RequestParam(required = false)
                    String sector,
            @Parameter(description = "agency identifier code, e.g. 000.00.12.H43") @RequestParam(required = false)
                    String agency,
            @Parameter(description = "online service level: FULL or PARTIAL") @RequestParam(required = false)
                    String level,
            @Parameter(description = "page number, the first is 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "procedures per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        return search.search(q, sector, agency, level, page, size);
    }

    /** A procedure as before, and the next version already imported that is not in force yet (null: none). */
    record InForce(@JsonUnwrapped Procedure procedure, Upcoming nextVersion) {}

    record Upcoming(int version, LocalDate effectiveFrom) {}

    @GetMapping("/{code}")
    @Operation(
            summary = "One procedure of the catalogue: the version in force now (version, effectiveFrom), and"
                    + " nextVersion {version, effectiveFrom} when a later one is imported and not yet in force")
    InForce one(@PathVariable String code) {
        Procedure procedure = procedures
                .find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy thủ tục có mã " + code + ".", "No procedure has the code " + code + "."));
        Upcoming next = procedures
                .upcoming(code)
                .map(v -> new Upcoming(v.version(), v.effectiveFrom()))
                .orElse(null);
        return new InForce(procedure, next);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a procedure, oldest first, with its effective date and the one in force now")
    List<ProcedureVersion> versions(@PathVariable String code) {
        List<ProcedureVersion> versions = procedures.versions(code);
        if (versions.isEmpty()) {
            throw UserError.notFound(
                    "Không tìm thấy thủ tục có mã " + code + ".", "No procedure has the code " + code + ".");
        }
        return versions;
    }
}
