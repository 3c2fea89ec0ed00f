package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.Procedures;

/** The checks every report request shares: who may read reports, the period's days, the agency, paging numbers. */
@Component
class ReportRequests {

    static final String OPERATORS = "camunda-admin";

    private final Procedures catalogue;
    private final ReportingSettings settings;

    ReportRequests(Procedures catalogue, ReportingSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** A checked request for a report: the caller may read reports, the days make a period, the agency exists. */
    record Period(LocalDate from, LocalDate to, String agency, String unit) {}

    Period period(Authentication user, String from, String to, String agency) {
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
        if (agency == null || agency.isBlank()) {
            return new Period(start, end, null, settings.unit());
        }
        String code = agency.strip();
        Agency known = catalogue
                .agency(code)
                .orElseThrow(() -> UserError.badRequest(
                        "Không có cơ quan mã \"" + code + "\" trong danh mục.",
                        "There is no agency with the code \"" + code + "\" in the catalogue."));
        return new Period(start, end, known.code(), known.name());
    }

    /**
     * As {@link #period}, for what a leader or head reads of their own agency only ({@code what}: "báo cáo" / "the
     * report"): no agency means theirs and another one is refused with 403; an operator reads the province or any
     * agency.
     */
    Period ownPeriod(Authentication user, String from, String to, String agency, String whatVi, String whatEn) {
        if (hasGroup(user, OPERATORS)) {
            return period(user, from, to, agency);
        }
        String own = leadersAgency(user);
        if (own == null) {
            period(user, from, to, null); // refuses whoever is no leader, with its message
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Không xác định được cơ quan của phòng, đơn vị bạn lãnh đạo: chưa xem được " + whatVi + ".",
                    "The agency of the department you lead is not known: " + whatEn + " cannot be shown.");
        }
        if (agency != null && !agency.isBlank() && !own.equals(agency.strip())) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Lãnh đạo chỉ xem được " + whatVi + " của cơ quan mình (" + own + ").",
                    "A leader sees " + whatEn + " of their own agency only (" + own + ").");
        }
        return period(user, from, to, own);
    }

    /** The agency of a leader's or head's department (group "<unit>-head" or "<unit>-leader"), if any. */
    String leadersAgency(Authentication user) {
        if (user == null) {
            return null;
        }
        return user.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(g -> g != null && (g.endsWith("-head") || g.endsWith("-leader")))
                .map(g -> g.substring(0, g.lastIndexOf('-')))
                .map(unit -> catalogue.agencyOfUnit(unit).map(Agency::code).orElse(null))
                .filter(code -> code != null)
                .findFirst()
                .orElse(null);
    }

    static int number(String name, String value, int least, int most) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= least && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw UserError.badRequest(
                "Tham số " + name + " phải là số nguyên từ " + least + " đến " + most + " (nhận được \"" + value
                        + "\").",
                "The parameter " + name + " must be a whole number from " + least + " to " + most + " (got \"" + value
                        + "\").");
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

    static boolean hasGroup(Authentication user, String group) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> group.equals(a.getAuthority()));
    }

    private static boolean hasGroupEnding(Authentication user, String suffix) {
        return user != null
                && user.getAuthorities().stream()
                        .anyMatch(a ->
                                a.getAuthority() != null && a.getAuthority().endsWith(suffix));
    }
}
