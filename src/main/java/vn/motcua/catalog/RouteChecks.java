package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The checks of routes an operator gives, each row against the registry, the catalogue, the models' roles and the
 * identity's groups, all rows before any is stored.
 */
@Component
class RouteChecks {

    /** One route as given: fields as sent, {@code null} for what is missing. */
    record Given(String agencyCode, String procedureCode, String role, String groupId) {}

    private final CatalogMapper catalog;
    private final RouteMapper routes;
    private final IdentityService identity;

    RouteChecks(CatalogMapper catalog, RouteMapper routes, @Lazy IdentityService identity) {
        this.catalog = catalog;
        this.routes = routes;
        this.identity = identity;
    }

    /** The problems of the rows (1-based), none when every row may be stored. */
    List<ImportReport.Problem> problems(List<Given> given) {
        Set<String> agencies = new HashSet<>(catalog.allAgencyCodes());
        Map<String, Boolean> procedures = new HashMap<>();
        Map<String, Boolean> groups = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        List<ImportReport.Problem> problems = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Row row = new Row(i + 1, given.get(i) == null ? new Given(null, null, null, null) : given.get(i), problems);
            if (row.present("agencyCode", row.route.agencyCode(), 35) && !agencies.contains(row.route.agencyCode())) {
                row.add(
                        "agencyCode",
                        "không có cơ quan \"" + row.route.agencyCode() + "\" trong danh mục cơ quan",
                        "there is no agency \"" + row.route.agencyCode() + "\" in the agency registry");
            }
            String procedure = row.route.procedureCode();
            if (row.present("procedureCode", procedure, 40)
                    && !DepartmentRoutes.ANY_PROCEDURE.equals(procedure)
                    && !procedures.computeIfAbsent(procedure, this::known)) {
                row.add(
                        "procedureCode",
                        "không có thủ tục \"" + procedure + "\" trong danh mục (\"*\" là mặc định của cơ quan)",
                        "there is no procedure \"" + procedure + "\" in the catalogue (\"*\" is the agency's default)");
            }
            if (row.present("role", row.route.role(), 40) && !DepartmentRoutes.ROLES.contains(row.route.role())) {
                row.add(
                        "role",
                        "vai trò \"" + row.route.role() + "\" không có trong các mô hình: " + DepartmentRoutes.ROLES,
                        "the role \"" + row.route.role() + "\" is not one the models use: " + DepartmentRoutes.ROLES);
            }
            String group = row.route.groupId();
            if (row.present("groupId", group, 255)
                    && !groups.computeIfAbsent(
                            group, g -> identity.createGroupQuery().groupId(g).count() > 0)) {
                row.add(
                        "groupId",
                        "không có nhóm phòng ban \"" + group + "\" trong hệ thống định danh",
                        "there is no department group \"" + group + "\" in the identity service");
            }
            Integer first = firstRow.putIfAbsent(
                    row.route.agencyCode() + "\n" + procedure + "\n" + row.route.role(), row.number);
            if (first != null) {
                row.add(
                        "role",
                        "tuyến này trùng với dòng " + first + " (cùng cơ quan, thủ tục và vai trò)",
                        "this route is also on row " + first + " (same agency, procedure and role)");
            }
        }
        return problems;
    }

    private boolean known(String procedureCode) {
        return routes.procedureCounts(procedureCode).stream().anyMatch(count -> count > 0);
    }

    private static final class Row {

        private final int number;
        private final Given route;
        private final List<ImportReport.Problem> problems;

        private Row(int number, Given route, List<ImportReport.Problem> problems) {
            this.number = number;
            this.route = route;
            this.problems = problems;
        }

        private boolean present(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                add(field, "thiếu \"" + field + "\"", "\"" + field + "\" is missing");
                return false;
            }
            if (value.length() > max) {
                add(
                        field,
                        "\"" + field + "\" dài quá " + max + " ký tự",
                        "\"" + field + "\" is longer than " + max + " characters");
                return false;
            }
            return true;
        }

        private void add(String field, String message, String messageEn) {
            problems.add(new ImportReport.Problem(number, route.procedureCode(), field, message, messageEn));
        }
    }
}
