package vn.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.rating.Ratings;

/** The indicators beside report II.06a: the 766 index, the leaders' dashboard, the satisfaction report. */
@RestController
class IndicatorsController {

    private final ReportRequests requests;
    private final ReportingSettings settings;
    private final Ratings ratings;
    private final Index766Report index;
    private final DashboardReport dashboards;

    IndicatorsController(
            ReportRequests requests,
            ReportingSettings settings,
            Ratings ratings,
            Index766Report index,
            DashboardReport dashboards) {
        this.requests = requests;
        this.settings = settings;
        this.ratings = ratings;
        this.index = index;
        this.dashboards = dashboards;
    }

    @GetMapping("/api/reports/index766")
    @Operation(
            summary =
                    "The Decision 766 index for the days from..to: each computable indicator with numerator,"
                            + " denominator, percent, target and points, and a note for those that need data not yet kept;"
                            + " the province and every agency, or one agency; same callers as report II.06a (a leader: their own agency)")
    Index766 index766(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        ReportRequests.Period period = requests.ownPeriod(user, from, to, agency, "chỉ số 766", "the 766 index");
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
        ReportRequests.Period period = requests.ownPeriod(user, from, to, agency, "bảng điều khiển", "the dashboard");
        return dashboards.of(period.from(), period.to(), period.agency(), period.unit());
    }

    @GetMapping("/api/reports/satisfaction")
    @Operation(
            summary = "The applicants' ratings first given in the days from..to, all agencies or one: how many, the"
                    + " average of each criterion and of the total (of 18), the share of each level of satisfaction and"
                    + " grade, and per official; same callers as report II.06a (a leader: their own agency)")
    Satisfaction satisfaction(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "agency", required = false) String agency,
            Authentication user) {
        ReportRequests.Period period =
                requests.ownPeriod(user, from, to, agency, "kết quả đánh giá", "the satisfaction report");
        return Satisfaction.of(
                period.from(),
                period.to(),
                period.agency(),
                ratings.inPeriod(period.from(), period.to(), period.agency()),
                ratings.byOfficial(period.from(), period.to(), period.agency()),
                ratings.settings());
    }
}
