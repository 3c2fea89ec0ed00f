package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * A citizen on the embedded default, in headless Chromium: logs in on the portal's own page (a session, no password in
 * any form, no browser dialog), files with the applicant taken from the account, finds the dossier in "Hồ sơ của tôi",
 * and follows its plain steps on a phone. Screenshots in target/screenshots/portal.
 */
@IntegrationTest
class CitizenPortalTests {

    static final String WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    ApplicationContext context;

    Api api;

    @BeforeEach
    void start() {
        if (browser == null) {
            browser = new Browser(port);
        }
        api = new Api(port);
        browser.windowSize(1280, 1400).open("/portal/index.html").forgetCookies();
    }

    @AfterEach
    void forgetMisses() {
        ReflectionTestUtils.invokeMethod(context.getBean("lookupLimits"), "clear");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void citizenLogsInOnThePageFilesWithTheApplicantFromTheAccountAndFindsTheDossierInMyDossiers() {
        PortalJourney journey = new PortalJourney(browser.driver(), browser.base());
        journey.openCatalogue().openHousePermit();
        assertThat(journey.loginAsCitizen("congdan", Api.PASSWORD)).isEqualTo("Đăng nhập – Một Cửa | Đăng nhập");
        assertThat(journey.loggedInAs()).isEqualTo("Nguyễn Văn An");
        // back on the page the citizen came from, with a session cookie scripts cannot read
        assertThat(browser.url()).endsWith("/portal/thu-tuc.html?ma=" + PortalJourney.HOUSE_PERMIT_CODE);
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        journey.openFiling();
        assertThat(journey.applicantFields())
                .isEqualTo(new PortalJourney.ApplicantFields("Nguyễn Văn An", "", true, true));
        assertThat(browser.attribute("#applicant-email", "value")).isEqualTo("congdan@demo.motcua.vn");
        assertThat(browser.driver().findElements(By.cssSelector("input[type=password]")))
                .isEmpty();
        browser.screenshot("citizen-1-nop-ho-so-dien-san");
        String code = journey.fileHousePermit();
        assertThat(journey.confirmation()).contains("Hồ sơ đã được gửi thành công");
        assertThat(browser.text("#appointment")).isEqualTo("Có sau khi hồ sơ được tiếp nhận");
        assertThat(sql.queryForMap(
                        "select applicant_name, applicant_email, filed_by from dossier where code = ?", code))
                .containsEntry("applicant_name", "Nguyễn Văn An")
                .containsEntry("applicant_email", "congdan@demo.motcua.vn")
                .containsEntry("filed_by", "congdan");
        browser.screenshot("citizen-2-xac-nhan");

        journey.myDossiers(code);
        String card = "#mine li[data-code='" + code + "']";
        assertThat(browser.text(card + " a.code")).isEqualTo(code);
        assertThat(browser.text(card + " .status")).isEqualTo("Mới đăng ký");
        assertThat(browser.text(card + " .next-step")).isEqualTo("Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        assertThat(browser.driver().findElements(By.cssSelector(card + " .appointment")))
                .isEmpty();
        browser.screenshot("citizen-3-ho-so-cua-toi");

        // a change riding on the session cookie without the page's CSRF token is refused, and changes nothing
        @SuppressWarnings("unchecked")
        Map<String, Object> forged = (Map<String, Object>) ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/session/logout', {method: 'POST'}).then(r => r.json())"
                        + ".then(b => done({status: b.status, message: b.message}))");
        assertThat(forged)
                .containsEntry("status", 403L)
                .containsEntry(
                        "message",
                        "Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang của Một Cửa. Vui lòng tải lại"
                                + " trang và thử lại.");
        browser.open("/portal/ho-so-cua-toi.html");
        assertThat(journey.loggedInAs()).isEqualTo("Nguyễn Văn An");

        journey.logout();
        browser.open("/portal/ho-so-cua-toi.html");
        assertThat(browser.text("#login-needed")).contains("Vui lòng đăng nhập để xem các hồ sơ bạn đã nộp.");
        assertThat(browser.driver().findElements(By.cssSelector("#mine li"))).isEmpty();
    }

    @Test
    void aWrongPasswordShowsTheVietnameseMessageOnThePageWithinASecond() throws Exception {
        browser.open("/portal/nop-ho-so.html?ma=" + PortalJourney.HOUSE_PERMIT_CODE);
        browser.click("#login-to-file");
        browser.type("#username", "congdan").type("#password", "sai-mat-khau");

        WebElement submit = browser.visible("#login-submit");
        long clicked = System.nanoTime();
        submit.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(1), Duration.ofMillis(20))
                .until(ExpectedConditions.textToBe(By.cssSelector("#message"), WRONG_PASSWORD));
        long millis = (System.nanoTime() - clicked) / 1_000_000;
        assertThat(millis).as("milliseconds from the click to the message").isLessThan(1000);
        assertThat(browser.attribute("#message", "class")).isEqualTo("message error");
        // still usable: the button works again, the password is cleared for the next try, still on the login page
        assertThat(submit.isEnabled()).isTrue();
        assertThat(browser.attribute("#password", "value")).isEmpty();
        assertThat(browser.url()).contains("/portal/dang-nhap.html");
        browser.screenshot("citizen-4-sai-mat-khau");

        // a page's own call is refused without the Basic challenge, so no browser dialog can ever open
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/dossiers/mine').then(r => done({status: r.status,"
                        + " challenge: r.headers.get('WWW-Authenticate')}))");
        assertThat(refused).containsEntry("status", 401L).containsEntry("challenge", null);
        // scripts keep HTTP Basic, with the challenge
        HttpResponse<String> script = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + "/api/dossiers/mine"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"Mot Cua\", charset=\"UTF-8\"");

        // the engine holds the account back for a few seconds after a wrong password (its brute-force delay), then
        // the right one works, for scripts and on the page
        assertThat(afterTheLoginDelay()).isEqualTo(200);
        HttpResponse<String> basic = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + "/api/dossiers/mine"))
                                .header("Authorization", Api.basic("congdan"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        // a script's Basic call stays stateless: no session, no CSRF cookie
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
        browser.type("#password", Api.PASSWORD).click("#login-submit");
        browser.visible("#user-name");
        assertThat(browser.url()).endsWith("/portal/nop-ho-so.html?ma=" + PortalJourney.HOUSE_PERMIT_CODE);
        assertThat(browser.visible("#filing").isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("login-needed")).isDisplayed())
                .isFalse();
    }

    @Test
    void onAPhoneTheTrackingPageLeadsWithPlainStepsAndGivesTheAppointmentOnceAccepted() {
        String code = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()))
                .text("code");
        browser.windowSize(390, 844).open("/portal/tra-cuu.html");
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        assertThat(fontSize("#code")).isGreaterThanOrEqualTo(16.0);
        assertThat(fontSize("#secret")).isGreaterThanOrEqualTo(16.0);
        assertFitsAPhone();

        browser.type("#code", code).click("#lookup button");
        browser.textOnceItShows("#status", "Mới đăng ký");
        assertThat(steps()).containsExactly("Chờ tiếp nhận", "Xử lý hồ sơ", "Có kết quả", "Trả kết quả");
        assertThat(states()).containsExactly("current", "todo", "todo", "todo");
        assertThat(browser.driver().findElements(By.cssSelector("#facts [data-fact=appointment]")))
                .isEmpty();
        assertThat(browser.text("#facts")).doesNotContain("Hẹn trả kết quả").contains("N. V. A.");
        assertThat(browser.driver().findElement(By.id("diagram")).isDisplayed()).isFalse();
        assertFitsAPhone();
        browser.screenshot("citizen-5-dien-thoai-moi-dang-ky");

        step("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        browser.click("#lookup button");
        browser.textOnceItShows("#status", "Đang xử lý");
        JsonNode tracked = api.get("/api/tracking/" + code).body();
        assertThat(steps())
                .containsExactly(
                        "Đã tiếp nhận",
                        "Đang xử lý tại UBND phường Phan Rang – Trưởng phòng Kinh tế, Hạ tầng và Đô thị",
                        "Có kết quả",
                        "Trả kết quả");
        assertThat(states()).containsExactly("done", "current", "todo", "todo");
        assertThat(browser.text("#steps li:nth-child(1) .step-date")).isEqualTo(shown(statusAt(tracked, 2)));
        assertThat(browser.text("#facts [data-fact=appointment] dd"))
                .isEqualTo(shown(tracked.path("appointmentAt").asText()));
        assertFitsAPhone();
        browser.screenshot("citizen-6-dien-thoai-da-tiep-nhan");

        browser.click("#diagram-toggle");
        assertThat(browser.attribute("#diagram .djs-element.current-step", "data-element-id"))
                .isEqualTo("Task_AssignDossier");
        assertThat(browser.text("#diagram-toggle")).isEqualTo("Ẩn sơ đồ quy trình");
        assertFitsAPhone();
        browser.screenshot("citizen-7-dien-thoai-so-do");

        step("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        step("pr.chuyenvien", code, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        step("pr.truongphong", code, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        step("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        step("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "15/GPXD"));
        step("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));
        browser.click("#lookup button");
        browser.textOnceItShows("#status", "Đã trả kết quả");
        tracked = api.get("/api/tracking/" + code).body();
        assertThat(steps().get(0)).isEqualTo("Đã tiếp nhận");
        assertThat(steps().get(2)).isEqualTo("Đã có kết quả");
        assertThat(steps().get(3)).isEqualTo("Đã trả kết quả");
        assertThat(steps().get(1)).startsWith("Đã xử lý tại UBND phường Phan Rang – ");
        assertThat(states()).containsExactly("done", "done", "done", "done");
        assertThat(browser.text("#steps li:nth-child(3) .step-date")).isEqualTo(shown(statusAt(tracked, 9)));
        assertThat(browser.text("#steps li:nth-child(4) .step-date")).isEqualTo(shown(statusAt(tracked, 10)));
        // the timeline as cards as wide as the phone allows, no table; still nothing personal without the secret
        assertThat(browser.driver().findElements(By.cssSelector("#result table")))
                .isEmpty();
        List<WebElement> cards = browser.driver().findElements(By.cssSelector("#timeline li.card"));
        assertThat(cards).hasSize(tracked.path("timeline").size());
        cards.forEach(card -> assertThat(card.getRect().getWidth()).isGreaterThan(300));
        assertThat(browser.text("#result")).doesNotContain("058090001234").doesNotContain("Nguyễn Văn An");
        assertFitsAPhone();
        browser.screenshot("citizen-8-dien-thoai-da-tra-ket-qua");
    }

    /** Basic logins of congdan for up to 10 s, until the engine's delay after a failed attempt is over. */
    private int afterTheLoginDelay() {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = api.get("/api/dossiers/mine", "congdan").status();
        while (status == 401 && System.nanoTime() < end) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = api.get("/api/dossiers/mine", "congdan").status();
        }
        return status;
    }

    private void step(String official, String code, String taskKey, Map<String, Object> variables) {
        List<JsonNode> tasks = api.tasks(official, code);
        assertThat(tasks).as("%s sees %s of %s", official, taskKey, code).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(taskKey);
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            assertThat(api.claim(official, task.path("id").asText())).isEqualTo(204);
        }
        assertThat(api.complete(official, task.path("id").asText(), variables).status())
                .isEqualTo(204);
    }

    private List<String> steps() {
        return new PortalJourney(browser.driver(), browser.base()).plainSteps();
    }

    private List<String> states() {
        return browser.driver().findElements(By.cssSelector("#steps li")).stream()
                .map(step -> step.getDomAttribute("data-state"))
                .toList();
    }

    private double fontSize(String css) {
        return Double.parseDouble(
                String.valueOf(browser.script("return getComputedStyle(arguments[0]).fontSize", browser.visible(css)))
                        .replace("px", ""));
    }

    /** No sideways scrolling, and every visible button and input at least 44 px high. */
    private void assertFitsAPhone() {
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("page width")
                .isLessThanOrEqualTo(390);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>)
                browser.script("return [...document.querySelectorAll('button, input, select, .button')]"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".map(e => ({id: e.id || e.textContent.trim(), height: e.getBoundingClientRect().height}))");
        assertThat(targets).isNotEmpty();
        targets.forEach(target -> assertThat(((Number) target.get("height")).doubleValue())
                .as("height of %s", target.get("id"))
                .isGreaterThanOrEqualTo(44.0));
    }

    private static String statusAt(JsonNode tracked, int status) {
        for (JsonNode event : tracked.path("timeline")) {
            if ("STATUS".equals(event.path("kind").asText())
                    && event.path("status").asInt() == status) {
                return event.path("at").asText();
            }
        }
        throw new AssertionError("no status " + status + " in " + tracked);
    }

    private static String shown(String localDateTime) {
        return LocalDateTime.parse(localDateTime).format(SHOWN);
    }
}
