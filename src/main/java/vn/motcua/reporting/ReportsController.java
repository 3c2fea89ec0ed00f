package vn.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.api.UserError;

@RestController
class ReportsController {

    static final String OPERATORS = ReportRequests.OPERATORS;
    /** The report page of the portal, where a cell's link opens its dossiers. */
    static final String REPORT_PAGE = "/portal/bao-cao.html";

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String COLUMN_NAMES =
            Arrays.stream(Ii06a.Column.values()).map(c -> c.field).collect(Collectors.joining(", "));

    private final Reports reports;
    private final ReadModel model;
    private final ReportRequests requests;
    private final ReportingSettings settings;
    private final Clock clock;
    private final PublicResults publicResults;
    private final Counts counts;

    ReportsController(
            Reports reports,
            ReadModel model,
            ReportRequests requests,
            ReportingSettings settings,
            Clock clock,
            PublicResults publicResults,
            Counts counts) {
        this.reports = reports;
        this.model = model;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
        this.publicResults = publicResults;
        this.counts = counts;
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
        ReportRequests.Period period = period(user, from, to, agency);
        return reports.ii06a(period.from(), period.to(), period.agency());
    }

    @GetMapping(value = "/api/reports/ii06a.xlsx", produces = XLSX)
    @Operation(summary = "Report II.06a as a workbook in the form's layout (Biểu số II.06a/VPCP/KSTT), same parameters")
    ResponseEntity<byte[]> ii06aWorkbook(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        ReportRequests.Period period = period(user, from, to, agency);
        Ii06a report = reports.ii06a(period.from(), period.to(), period.agency());
        return file(
                period,
                "xlsx",
                XLSX,
                Ii06aWorkbook.of(report, period.unit(), settings.place(), today(), drillDown(period)));
    }

    @GetMapping(value = "/api/reports/ii06a.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Report II.06a as a PDF in the form's layout (A4 landscape), same parameters")
    ResponseEntity<byte[]> ii06aPdf(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        ReportRequests.Period period = period(user, from, to, agency);
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
        ReportRequests.Period period = period(user, from, to, agency);
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
                ReportRequests.number("offset", offset, 0, Integer.MAX_VALUE),
                ReportRequests.number("limit", limit, 1, 1000));
    }

    @PostMapping("/api/reports/rebuild")
    @Operation(summary = "Make the reporting read model again from the dossier tables (camunda-admin only)")
    Map<String, Integer> rebuild(Authentication user) {
        onlyOperators(user);
        int dossiers = model.rebuild();
        publicResults.forget();
        return Map.of("dossiers", dossiers);
    }

    @PostMapping("/api/reports/recount")
    @Operation(
            summary = "Make the report's day counters again from the reporting rows, under the counting settings in"
                    + " force (after rows were loaded in bulk; camunda-admin only)")
    Map<String, Integer> recount(Authentication user) {
        onlyOperators(user);
        int dossiers = counts.recount();
        publicResults.forget();
        return Map.of("dossiers", dossiers);
    }

    /** A leader's or head's own agency (no agency: theirs), an operator's province or any agency. */
    private ReportRequests.Period period(Authentication user, String from, String to, String agency) {
        return requests.ownPeriod(user, from, to, agency, "báo cáo", "the report");
    }

    /**
     * Where a cell of the workbook leads: the report page of this server with the same period and agency, showing the
     * dossiers of the cell's sector (none: the total row) and column.
     */
    private static Ii06aWorkbook.Links drillDown(ReportRequests.Period period) {
        UriComponentsBuilder page = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(REPORT_PAGE)
                .queryParam("from", period.from())
                .queryParam("to", period.to());
        if (period.agency() != null) {
            page.queryParam("agency", period.agency());
        }
        return (sector, column) -> {
            UriComponentsBuilder cell = page.cloneBuilder();
            if (sector != null) {
                cell.queryParam("sector", "{sector}"); // a variable: "&" or "+" in a name is encoded too
            }
            return cell.queryParam("column", column.field)
                    .encode()
                    .buildAndExpand(sector == null ? new Object[0] : new Object[] {sector})
                    .toUriString();
        };
    }

    private static void onlyOperators(Authentication user) {
        if (!ReportRequests.hasGroup(user, OPERATORS)) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ quản trị viên (" + OPERATORS + ") mới được dựng lại dữ liệu báo cáo.",
                    "Only administrators (" + OPERATORS + ") may rebuild the reporting data.");
        }
    }

    private static ResponseEntity<byte[]> file(
            ReportRequests.Period period, String extension, String type, byte[] content) {
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

    private static String fileName(ReportRequests.Period period, String extension) {
        return "II.06a_" + (period.agency() == null ? "" : period.agency() + "_") + period.from() + "_" + period.to()
                + "." + extension;
    }
}
