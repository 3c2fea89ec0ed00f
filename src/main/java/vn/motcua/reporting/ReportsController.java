package vn.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.Procedures;
import vn.motcua.rating.Ratings;

@RestController
class ReportsController {

    static final String OPERATORS = "camunda-admin";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String COLUMN_NAMES =
            Arrays.stream(Ii06a.Column.values()).map(c -> c.field).collect(Collectors.joining(", "));

    private final Reports reports;
    private final ReadModel model;
    private final Procedures catalogue;
    private final ReportingSettings settings;
    private final Clock clock;
    private final Ratings ratings;
    private final Index766Report index;
    private final PublicResults publicResults;
    private final DashboardReport dashboards;

    ReportsController(
            Reports reports,
            ReadModel model,
            Procedures catalogue,
            ReportingSettings settings,
            Clock clock,
            Ratings ratings,
            Index766Report index,
            PublicResults publicResults,
            DashboardReport dashboards) {
        this.publicResults = publicResults;
        this.dashboards = dashboards;
        this.ratings = ratings;
        this.index = index;
        this.reports = reports;
        this.model = model;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
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
        Period period = period(user, from, to, agency);
        return reports.ii06a(period.from(), period.to(), period.agency());
    }

    @GetMapping(value = "/api/reports/ii06a.xlsx", produces = XLSX)
    @Operation(summary = "Report II.06a as a workbook in the form's layout (Biểu số II.06a/VPCP/KSTT), same parameters")
    ResponseEntity<byte[]> ii06aWorkbook(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        Period period = period(user, from, to, agency);
        Ii06a report = reports.ii06a(period.from(), period.to(), period.agency());
        return file(period, "xlsx", XLSX, Ii06aWorkbook.of(report, period.unit(), settings.place(), today()));
    }

    @GetMapping(value = "/api/reports/ii06a.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Report II.06a as a PDF in the form's layout (A4 landscape), same parameters")
    ResponseEntity<byte[]> ii06aPdf(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        Period period = period(user, from, to, agency);
        Ii06a report = reports.ii06a(period.from(), period.to(), period.agency());
        return file(
                period,
                "pdf",
                MediaType.APPLICATION_PDF_VALUE,
                Ii06aPdf.of(report, period.unit(), settings.place(), today()));
    }

    @GetMapping("/api/reports/ii06a/dossiers")
    @Operation(
            summary =
                    "The dossiers behind one cell of report II.06a: same period and agency, a column by its field name"
                            + " (received, receivedOnline, …, inProgressOverdue) and a sector (none: the total row);"
                            + " offset and limit (at most 1000) page the list")
    Reports.Cell ii06aCell(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            @RequestParam(name = "sector", required = false) String sector,
            @RequestParam(name = "column", required = false) String column,
            @RequestParam(name = "offset", required = false, defaultValue = "0") String offset,
            @RequestParam(name = "limit", required = false, defaultValue = "100") String limit,
            Authentication user) {
        Period period = period(user, from, to, agency);
        Ii06a.Column chosen = Ii06a.Column.byField(column == null ? "" : column.strip())
                .orElseThrow(() -> UserError.badRequest(
                        "Cột \"" + column + "\" không có trong biểu II.06a; các cột: " + COLUMN_NAMES + ".",
                        "There is no column \"" + column + "\" in report II.06a; the columns: " + COLUMN_NAMES + "."));
        return reports.dossiers(
                period.from(),
                period.to(),
                period.agency(),
                sector == null || sector.isBlank() ? null : sector.strip(),
                chosen,
                number("offset", offset, 0, Integer.MAX_VALUE),
                number("limit", limit, 1, 1000));
    }

    @GetMapping("/api/reports/index766")
    @Operation(
            summary = "The Decision 766 index for the days from..to: each computable indicator with numerator,"
                    + " denominator, percent, target and points, and a note for those that need data not yet kept;"
                    + " the province and every agency, or one agency; same callers as report II.06a")
    Index766 index766(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        Period period = period(user, from, to, agency);
        return index.of(period.from(), period.to(), period.agency(), period.unit(), settings.unit());
    }

    @GetMapping("/api/reports/dashboard")
    @Operation(
            summary = "The leaders' dashboard for the days from..to: a leader or head sees their own agency (agency="
                    + " may only name it), an operator the province or any agency")
    Dashboard dashboard(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        boolean operator = hasGroup(user, OPERATORS);
        String own = operator ? null : leadersAgency(user);
        if (!operator && own == null) {
            period(user, from, to, null); // refuses whoever is no leader, with its message
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Không xác định được cơ quan của phòng, đơn vị bạn lãnh đạo: chưa xem được bảng điều khiển.",
                    "The agency of the department you lead is not known: the dashboard cannot be shown.");
        }
        if (own != null && agency != null && !agency.isBlank() && !own.equals(agency.strip())) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Lãnh đạo chỉ xem được bảng điều khiển của cơ quan mình (" + own + ").",
                    "A leader sees the dashboard of their own agency only (" + own + ").");
        }
        Period period = period(user, from, to, own != null ? own : agency);
        return dashboards.of(period.from(), period.to(), period.agency(), period.unit());
    }

    /** The agency of a leader's or head's department (group "<unit>-head" or "<unit>-leader"), if any. */
    private String leadersAgency(Authentication user) {
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

    @GetMapping("/api/reports/satisfaction")
    @Operation(
            summary = "The applicants' ratings first given in the days from..to, all agencies or one: how many, the"
                    + " average of each criterion and of the total (of 18), the share of each level of satisfaction and"
                    + " grade, and per official; same callers as report II.06a")
    Satisfaction satisfaction(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        Period period = period(user, from, to, agency);
        return Satisfaction.of(
                period.from(),
                period.to(),
                period.agency(),
                ratings.inPeriod(period.from(), period.to(), period.agency()),
                ratings.byOfficial(period.from(), period.to(), period.agency()),
                ratings.settings());
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
        int dossiers = model.rebuild();
        publicResults.forget();
        return Map.of("dossiers", dossiers);
    }

    /** A checked request for a report: the caller may read reports, the days make a period, the agency exists. */
    private record Period(LocalDate from, LocalDate to, String agency, String unit) {}

    private Period period(Authentication user, String from, String to, String agency) {
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

    private static ResponseEntity<byte[]> file(Period period, String extension, String type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(period, extension))
                                .build()
                                .toString())
                .body(content);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String fileName(Period period, String extension) {
        return "II.06a_" + (period.agency() == null ? "" : period.agency() + "_") + period.from() + "_" + period.to()
                + "." + extension;
    }

    private static int number(String name, String value, int least, int most) {
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
