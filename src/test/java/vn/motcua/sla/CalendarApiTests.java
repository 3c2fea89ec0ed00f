package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/** GET /api/calendar/deadline as a counter officer or the portal calls it, and the admin's reload. */
@IntegrationTest
class CalendarApiTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-02-12T09:00, 24, WORKING_HOURS, 2026-02-24T09:00:00",
        "2026-04-24T14:00, 16, WORKING_HOURS, 2026-04-29T14:00:00",
        "2026-08-22T10:00, 8, WORKING_HOURS, 2026-08-24T10:00:00",
        "2026-08-28T16:00, 8, working_hours, 2026-09-03T16:00:00",
        "2026-04-29T09:00, 3, WORKING_DAYS, 2026-05-05T17:00:00"
    })
    void answersTheDueTimeWithoutLogin(String start, String amount, String unit, String due) {
        Api.Reply reply = api.get("/api/calendar/deadline?start=" + start + "&amount=" + amount + "&unit=" + unit);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.text("due")).isEqualTo(due);
        assertThat(reply.body().path("calendarVerified").asBoolean()).isTrue();
    }

    @Test
    void appliesTheProceduresCutOffAndLegalTime() {
        // civil-status extract: 1 working day, 15:00 cut-off (domain.md §9.1); birth liên thông counting (§16.10)
        Api.Reply reply = api.get(
                "/api/calendar/deadline?start=2026-04-24T15:10&amount=3&unit=WORKING_DAYS" + "&procedure=2.000635.H43");

        assertThat(reply.text("countingStart")).isEqualTo("2026-04-28T08:00:00");
        assertThat(reply.text("due")).isEqualTo("2026-05-04T17:00:00");
        assertThat(reply.text("cutOff")).isEqualTo("15:00:00");

        Api.Reply legalTime = api.get("/api/calendar/deadline?start=2026-04-29T15:30&procedure=2.000635.H43");
        assertThat(legalTime.text("due")).isEqualTo("2026-05-04T17:00:00");
    }

    @Test
    void saysWhenTheCalendarOfTheYearIsNotVerified() {
        Api.Reply reply = api.get("/api/calendar/deadline?start=2027-02-03T09:00&amount=2&unit=WORKING_DAYS");

        assertThat(reply.text("due")).isEqualTo("2027-02-11T17:00:00");
        assertThat(reply.body().path("calendarVerified").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "amount=3&unit=WORKING_DAYS | start",
                "start=2026-02-30T09:00&amount=3&unit=WORKING_DAYS | 2026-02-30T09:00",
                "start=2026-03-02T09:00&amount=ba&unit=WORKING_DAYS | amount",
                "start=2026-03-02T09:00&amount=0&unit=WORKING_DAYS | 3650",
                "start=2026-03-02T09:00&amount=3&unit=WEEKS | WEEKS",
                "start=2026-03-02T09:00&amount=3 | unit",
                "start=2026-03-02T09:00&procedure=9.999999.H43 | 9.999999.H43"
            })
    void refusesBadQueriesWithABilingualReason(String query, String named) {
        Api.Reply reply = api.get("/api/calendar/deadline?" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains(named);
        assertThat(reply.text("messageEn")).contains(named);
    }

    @Test
    void onlyAnAdministratorReloadsTheCalendar() {
        assertThat(api.post("/api/calendar/reload", "pr.chutich", "").status()).isEqualTo(403);

        Api.Reply reloaded = api.post("/api/calendar/reload", "admin", "");
        assertThat(reloaded.status()).as(reloaded.body().toString()).isEqualTo(200);
        assertThat(reloaded.text("calendar")).isEqualTo("classpath:calendar/public-sector.tsv");
    }
}
