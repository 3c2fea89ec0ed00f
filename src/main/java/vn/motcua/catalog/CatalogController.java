package vn.motcua.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    CatalogController(Procedures procedures) {
        this.procedures = procedures;
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

    @GetMapping("/{code}")
    @Operation(summary = "One procedure of the catalogue")
    Procedure one(@PathVariable String code) {
        return procedures
                .find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy thủ tục có mã " + code + ".", "No procedure has the code " + code + "."));
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
