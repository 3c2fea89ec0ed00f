package vn.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;

@RestController
class ReportsController {

    static final String OPERATORS = "camunda-admin";

    private final Reports reports;
    private final ReadModel model;

    ReportsController(Reports reports, ReadModel model) {
        this.reports = reports;
        this.model = model;
    }

    @GetMapping("/api/reports/ii06a")
    @Operation(
            summary = "Report II.06a for the days from..to (both included, YYYY-MM-DD), all agencies or one: officials"
                    + " of a head or leader group, or camunda-admin")
    Ii06a ii06a(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        if (!hasGroup(user, OPERATORS) && !hasGroupEnding(user, "-head") && !hasGroupEnding(user, "-leader")) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ lãnh đạo (nhóm trưởng phòng, lãnh đạo) hoặc quản trị viên mới được xem báo cáo thống kê.",
                    "Only heads, leaders or administrators may read the statistical reports.");
        }
        LocalDate start = date("from", "Từ ngày", from);
        LocalDate end = date("to", "Đến ngày", to);
        if (end.isBefore(start)) {
            throw UserError.badRequest(
                    "Kỳ báo cáo không hợp lệ: đến ngày " + end + " trước từ ngày " + start + ".",
                    "The period is not valid: to " + end + " is before from " + start + ".");
        }
        return reports.ii06a(start, end, agency == null || agency.isBlank() ? null : agency.strip());
    }

    @PostMapping("/api/reports/rebuild")
    @Operation(summary = "Make the reporting read model again from the dossier tables (camunda-admin only)")
    Map<String, Integer> rebuild(Authentication user) {
        if (!hasGroup(user, OPERATORS)) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ quản trị viên (" + OPERATORS + ") mới được dựng lại dữ liệu báo cáo.",
                    "Only administrators (" + OPERATORS + ") may rebuild the reporting data.");
        }
        return Map.of("dossiers", model.rebuild());
    }

    private static LocalDate date(String name, String label, String value) {
        if (value == null || value.isBlank()) {
            throw UserError.badRequest(
                    "Thiếu " + label.toLowerCase() + " (" + name + ", dạng YYYY-MM-DD).",
                    "The parameter " + name + " (YYYY-MM-DD) is missing.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw UserError.badRequest(
                    label + " \"" + value + "\" không phải là ngày dạng YYYY-MM-DD.",
                    "The " + name + " date \"" + value + "\" is not a date of the form YYYY-MM-DD.");
        }
    }

    private static boolean hasGroup(Authentication user, String group) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> group.equals(a.getAuthority()));
    }

    private static boolean hasGroupEnding(Authentication user, String suffix) {
        return user != null
                && user.getAuthorities().stream()
                        .anyMatch(a ->
                                a.getAuthority() != null && a.getAuthority().endsWith(suffix));
    }
}
