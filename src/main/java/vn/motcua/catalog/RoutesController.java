package vn.motcua.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.Operators;
import vn.motcua.api.UserError;

/** Operators read and set the department routes: which group does each role of a procedure at an agency. */
@RestController
@RequestMapping("/api/catalogue/routes")
class RoutesController {

    /** What a change of routes did: how many were stored, or each row's problems (then nothing was stored). */
    record RoutesReport(boolean accepted, int routes, List<ImportReport.Problem> problems) {}

    private static final TypeReference<List<RouteChecks.Given>> ROWS = new TypeReference<>() {};

    private final DepartmentRoutes routes;
    private final RouteChecks checks;
    private final ObjectMapper json;

    RoutesController(DepartmentRoutes routes, RouteChecks checks, ObjectMapper json) {
        this.routes = routes;
        this.checks = checks;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The department routes (procedure \"*\": the agency's default for the role)")
    List<DepartmentRoute> list(
            @Parameter(description = "only this agency's routes") @RequestParam(required = false) String agency,
            Authentication user) {
        checkOperator(user);
        return routes.list(agency == null || agency.isBlank() ? null : agency.strip());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add or change routes ({agencyCode, procedureCode or \"*\", role, groupId}): 200 when all are"
                    + " stored, 422 with each row's problems when any is wrong (nothing stored)")
    ResponseEntity<RoutesReport> put(@RequestBody(required = false) byte[] body, Authentication user) {
        // read after the operator check (as the import), so that nobody else learns more than 403
        checkOperator(user);
        List<RouteChecks.Given> given = rows(body);
        if (given.isEmpty()) {
            throw UserError.badRequest(
                    "Hãy gửi một danh sách tuyến phòng ban (agencyCode, procedureCode, role, groupId).",
                    "Send a list of department routes (agencyCode, procedureCode, role, groupId).");
        }
        List<ImportReport.Problem> problems = checks.problems(given);
        if (!problems.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new RoutesReport(false, given.size(), problems));
        }
        routes.replace(
                given.stream()
                        .map(g -> new DepartmentRoute(
                                g.agencyCode(), g.procedureCode(), g.role(), g.groupId(), null, null))
                        .toList(),
                user.getName());
        return ResponseEntity.ok(new RoutesReport(true, given.size(), List.of()));
    }

    private List<RouteChecks.Given> rows(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            List<RouteChecks.Given> rows = json.readValue(body, ROWS);
            return rows == null ? List.of() : rows;
        } catch (IOException notAList) {
            throw UserError.badRequest(
                    "Tuyến phòng ban phải là một danh sách JSON các đối tượng {agencyCode, procedureCode, role,"
                            + " groupId}.",
                    "Department routes must be a JSON list of objects {agencyCode, procedureCode, role, groupId}.");
        }
    }

    private static void checkOperator(Authentication user) {
        Operators.require(
                user,
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được xem và sửa tuyến phòng ban.",
                "Only operators (group camunda-admin) may see and change the department routes.");
    }
}
