package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.portal.Browser;
import vn.motcua.portal.PortalJourney;

/**
 * The leaders' dashboard in production shape: a ward leader logs in on Keycloak's page from the portal and sees the
 * ward's 2018 (three dossiers written for the test: two early, one late) counted from the day counters; a specialist of
 * the same ward, logged in the same way, is refused with the API's Vietnamese message. Screenshots in
 * target/screenshots/portal/kc-dashboard-*.
 */
@KeycloakTest
class DashboardKeycloakTests {

    static final String WARD = "000.20.43.H43";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void writeTheWardsYear() {
        api = new Api(port, user -> "Bearer " + KeycloakServer.get().token(user));
        takeThemOut();
        row("KC-DASH-1", "2018-03-05T08:00", "2018-03-19T17:00", "2018-03-12T10:00", "EARLY");
        row("KC-DASH-2", "2018-06-04T08:00", "2018-06-18T17:00", "2018-06-11T10:00", "EARLY");
        row("KC-DASH-3", "2018-09-03T08:00", "2018-09-17T17:00", "2018-09-20T10:00", "LATE");
        recount();
    }

    @AfterEach
    void takeThemOutAgain() {
        takeThemOut();
        recount();
    }

    @Test
    void aWardLeaderSeesTheWardsYearAndASpecialistIsRefused() {
        Api.Reply leader = api.get("/api/reports/dashboard?from=2018-01-01&to=2018-12-31", "pr.chutich");
        assertThat(leader.status()).as(leader.body().toString()).isEqualTo(200);
        JsonNode total = leader.body().path("total");
        assertThat(total.path("received").asInt()).isEqualTo(3);
        assertThat(total.path("resolvedEarly").asInt()).isEqualTo(2);
        assertThat(total.path("resolvedLate").asInt()).isEqualTo(1);

        try (Browser browser = new Browser(port)) {
            browser.windowSize(1280, 2400);
            new PortalJourney(browser.driver(), "http://localhost:" + port)
                    .openCatalogue()
                    .loginAsCitizen("pr.chutich", Api.PASSWORD);
            browser.open("/portal/bang-dieu-khien.html?tu=2018-01-01&den=2018-12-31");
            assertThat(browser.textOnceItShows("#figures [data-figure='early']", "66,67%"))
                    .contains("Trước hạn");
            assertThat(browser.text("#figures [data-figure='received']")).contains("3");
            assertThat(browser.text("#figures [data-figure='late']")).contains("33,33%");
            assertThat(browser.text("#scope")).startsWith("Ủy ban nhân dân phường Phan Rang");
            browser.screenshot("kc-dashboard-ward-2018");
        }
        try (Browser browser = new Browser(port)) {
            new PortalJourney(browser.driver(), "http://localhost:" + port)
                    .openCatalogue()
                    .loginAsCitizen("pr.chuyenvien", Api.PASSWORD);
            browser.open("/portal/bang-dieu-khien.html?tu=2018-01-01&den=2018-12-31");
            String refusal = api.get("/api/reports/dashboard?from=2018-01-01&to=2018-12-31", "pr.chuyenvien")
                    .text("message");
            assertThat(refusal).isNotBlank();
            assertThat(browser.textOnceItShows("#message", refusal)).isEqualTo(refusal);
            browser.screenshot("kc-dashboard-specialist-refused");
        }
    }

    private void row(String code, String received, String due, String resolved, String timeliness) {
        sql.update(
                "insert into reporting_dossier (dossier_code, procedure_code, agency_code, sector, channel, received_at,"
                        + " due_at, resolved_at, timeliness) values (?, '1.009994.H43', ?, 'Hoạt động xây dựng',"
                        + " 'ONLINE', ?, ?, ?, ?)",
                code,
                WARD,
                Timestamp.valueOf(LocalDateTime.parse(received)),
                Timestamp.valueOf(LocalDateTime.parse(due)),
                Timestamp.valueOf(LocalDateTime.parse(resolved)),
                timeliness);
    }

    private void takeThemOut() {
        sql.update("delete from reporting_dossier where dossier_code like 'KC-DASH-%'");
    }

    /** The rows were written behind the read model's back: the operator has the counters made again. */
    private void recount() {
        Api.Reply recounted = api.post("/api/reports/recount", "admin", Map.of());
        assertThat(recounted.status()).as(recounted.body().toString()).isEqualTo(200);
    }
}
