package vn.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;

/** The figures of the public results page: anyone, no login. */
@RestController
class PublicResultsController {

    static final int FIRST_YEAR = 2000;

    private final PublicResults results;
    private final Clock clock;

    PublicResultsController(PublicResults results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @GetMapping("/api/public/results")
    @Operation(
            summary = "The year's results of the one-stop shop for everyone (no login): the province's and each"
                    + " agency's dossiers received, resolved early / on time / late, online, and each month; counts"
                    + " only, renewed every few minutes. year=YYYY, this year when left out")
    PublicResults.Year results(@RequestParam(name = "year", required = false) String year) {
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year.isBlank()) {
            return results.of(thisYear);
        }
        try {
            int asked = Integer.parseInt(year.strip());
            if (asked >= FIRST_YEAR && asked <= thisYear) {
                return results.of(asked);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw UserError.badRequest(
                "Năm \"" + year + "\" không hợp lệ: cần một năm từ " + FIRST_YEAR + " đến " + thisYear + ".",
                "The year \"" + year + "\" is not valid: give a year from " + FIRST_YEAR + " to " + thisYear + ".");
    }
}
