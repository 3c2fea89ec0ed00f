package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.Api;
import vn.motcua.portal.PortalJourney;

/**
 * Through HAProxy in front of the two nodes: an official works in Tasklist in headless Chromium (sticky session), a
 * dossier's journey survives the {@code kill -9} of a node (HAProxy takes it out, the other node carries on), and so
 * does the citizen's portal journey in the browser. Screenshots in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJourneyTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static Cluster cluster;
    WebDriver browser;
    WebDriver official;

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
    }

    @AfterEach
    void close() throws java.io.IOException {
        if (browser != null) {
            Files.writeString(
                    Path.of("target/installations/cluster-browser.html"),
                    browser.getCurrentUrl() + "\n" + browser.getPageSource());
            browser.quit();
            browser = null;
        }
        if (official != null) {
            official.quit();
            official = null;
        }
    }

    @Test
    @Order(1)
    void anOfficialLogsInToTasklistThroughTheLoadBalancerAndCompletesTheFirstTask() {
        Api api = cluster.api();
        String code = file(api);
        String task = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();

        browser = chromium("en-US");
        String node = completeInTasklist(browser, task, "pr.tiepnhan");
        assertThat(node).isIn("n1", "n2");
        awaitNoTask(api, "pr.tiepnhan", code);
        assertThat(api.tasks("pr.truongphong", code))
                .extracting(t -> t.path("taskDefinitionKey").asText())
                .containsExactly("Task_AssignDossier");
        assertThat(browser.manage().getCookieNamed("MOTCUA_NODE").getValue()).isEqualTo(node);
    }

    @Test
    @Order(2)
    void aNodeKilledWithKillNineMidJourneyIsTakenOutAndTheJourneyCompletesOnTheOther() {
        Api api = cluster.api();
        // filed through the load balancer, seen from both nodes
        String code = file(api);
        for (Installation node : cluster.nodes()) {
            assertThat(cluster.api(node).get("/api/tracking/" + code).text("status"))
                    .isEqualTo("1");
        }

        Installation victim = cluster.node1;
        victim.kill9();
        Instant killed = Instant.now();
        // at once, before HAProxy has noticed: refused connections are sent to the other node
        for (int i = 0; i < 4; i++) {
            assertThat(api.get("/api/tracking/" + code).status()).isEqualTo(200);
        }
        Duration out = cluster.awaitState("n1", "DOWN", Duration.ofSeconds(15));
        System.out.printf(
                "[measured] HAProxy took the killed node out after %d ms%n",
                Duration.between(killed, Instant.now()).toMillis());
        assertThat(out).isLessThan(Duration.ofSeconds(10));

        // the journey goes on: the reception officer accepts, the head of department sees the next step
        String task = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();
        assertThat(api.claim("pr.tiepnhan", task)).isEqualTo(204);
        Api.Reply done = api.complete("pr.tiepnhan", task, Map.of("receptionDecision", "accept"));
        assertThat(done.status()).as("%s", done.body()).isEqualTo(204);
        assertThat(api.tasks("pr.truongphong", code))
                .extracting(t -> t.path("taskDefinitionKey").asText())
                .containsExactly("Task_AssignDossier");
        Api.Reply tracked = api.get("/api/tracking/" + code);
        assertThat(tracked.status()).isEqualTo(200);
        // accepted (2), then at once "in process" (4): the head's task starts in the same transaction
        assertThat(tracked.text("status")).isEqualTo("4");

        // back in: restarted, HAProxy sends to it again, and it sees what the other node did
        victim.start();
        cluster.awaitState("n1", "UP", Duration.ofSeconds(30));
        assertThat(cluster.api(victim).get("/api/tracking/" + code).text("status"))
                .isEqualTo("4");
    }

    /**
     * Issue 11's journey as a citizen clicks it, through HAProxy in Keycloak mode: catalogue, login on Keycloak's
     * page, the filing page; then the node that served the browser (HAProxy's cookie) is killed with {@code kill -9}
     * and the citizen fills, attaches and submits on the other one (the portal keeps its tokens in sessionStorage,
     * no server session is lost), downloads the slip and tracks the dossier; the reception officer accepts it in
     * Tasklist through the same load balancer and the tracking page shows the next status.
     */
    @Test
    @Order(3)
    void theCitizensPortalJourneyCompletesOnTheOtherNodeWhenItsNodeIsKilledAndAnOfficialAcceptsInTasklist()
            throws Exception {
        // a test before may have left a node down: this one starts from two nodes
        for (Installation node : cluster.nodes()) {
            if (!node.isAlive()) {
                node.start();
            }
        }
        cluster.awaitState("n1", "UP", Duration.ofSeconds(30));
        cluster.awaitState("n2", "UP", Duration.ofSeconds(30));
        Api api = cluster.api();

        browser = chromium("vi");
        PortalJourney journey = new PortalJourney(browser, cluster.url());
        journey.openCatalogue().screenshot("cluster-1-danh-muc");
        journey.openHousePermit();
        assertThat(journey.loginAsCitizen("congdan", Api.PASSWORD)).contains("Đăng nhập vào tài khoản của bạn");
        assertThat(journey.loggedInAs()).isEqualTo("Nguyễn Văn An");
        journey.openFiling();
        journey.screenshot("cluster-2-nop-ho-so");

        String served = browser.manage().getCookieNamed("MOTCUA_NODE").getValue();
        Installation victim = "n1".equals(served) ? cluster.node1 : cluster.node2;
        Installation survivor = victim == cluster.node1 ? cluster.node2 : cluster.node1;
        String survivorName = victim == cluster.node1 ? "n2" : "n1";
        assertThat(served).isIn("n1", "n2");
        try {
            victim.kill9();
            Instant killed = Instant.now();
            cluster.awaitState(served, "DOWN", Duration.ofSeconds(15));
            System.out.printf(
                    "[measured] portal journey: HAProxy took %s out %d ms after kill -9%n",
                    served, Duration.between(killed, Instant.now()).toMillis());

            String code = journey.fileHousePermit();
            assertThat(code).matches("000\\.20\\.43\\.H43-\\d{6}-\\d{4,}");
            assertThat(journey.confirmation()).contains("Hồ sơ đã được gửi thành công");
            journey.screenshot("cluster-3-xac-nhan");
            byte[] slip = journey.downloadSlip();
            assertThat(new String(slip, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PDDocument pdf = Loader.loadPDF(slip)) {
                assertThat(text(pdf))
                        .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                        .contains("Mã hồ sơ: " + code)
                        .contains(journey.secret());
            }
            assertThat(journey.track(code)).isEqualTo("Mới đăng ký");
            assertThat(journey.currentStep()).isEqualTo("Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
            journey.screenshot("cluster-4-tra-cuu");
            // everything after the kill was served by the other node, and HAProxy now sticks the browser to it
            assertThat(browser.manage().getCookieNamed("MOTCUA_NODE").getValue())
                    .isEqualTo(survivorName);
            assertThat(cluster.api(survivor).get("/api/tracking/" + code).text("status"))
                    .isEqualTo("1");

            // the reception officer, in a browser of their own (the citizen's has Keycloak's single sign-on)
            String task = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();
            official = chromium("en-US");
            assertThat(completeInTasklist(official, task, "pr.tiepnhan")).isEqualTo(survivorName);
            awaitNoTask(api, "pr.tiepnhan", code);
            assertThat(api.tasks("pr.truongphong", code))
                    .extracting(t -> t.path("taskDefinitionKey").asText())
                    .containsExactly("Task_AssignDossier");

            assertThat(journey.track(code)).isEqualTo("Đang xử lý");
            assertThat(journey.currentStep()).isEqualTo("Đang phân công xử lý");
            journey.screenshot("cluster-5-tra-cuu-sau-tiep-nhan");
        } finally {
            // the other tests of the class (and of the JVM) find two nodes again
            if (!victim.isAlive()) {
                victim.start();
            }
            cluster.awaitState(served, "UP", Duration.ofSeconds(30));
        }
    }

    /**
     * Opens the task in Tasklist, logs in on Keycloak's page as the user, claims, accepts ("Tiếp nhận hồ sơ") and
     * completes; returns the node HAProxy stuck the session to.
     */
    private static String completeInTasklist(WebDriver driver, String task, String user) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        driver.get(cluster.url() + "/camunda/app/tasklist/default/#/?task=" + task);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        // the session stays on one node: HAProxy's cookie
        wait.until(d -> d.manage().getCookieNamed("MOTCUA_NODE") != null);
        String node = driver.manage().getCookieNamed("MOTCUA_NODE").getValue();
        // the OAuth2 redirects drop the URL's fragment (#/?task=…): open the task again, now with a session
        driver.get(cluster.url() + "/camunda/app/tasklist/default/#/?task=" + task);

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(.,'Tiếp nhận hồ sơ')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                .click();
        return node;
    }

    private static void awaitNoTask(Api api, String user, String code) {
        Instant asked = Instant.now();
        while (!api.tasks(user, code).isEmpty()) {
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(60));
            Installation.sleep(Duration.ofMillis(300));
        }
    }

    private static String text(PDDocument pdf) throws java.io.IOException {
        return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC)
                .replaceAll("\\s+", " ");
    }

    private static String file(Api api) {
        Map<String, Object> request = new java.util.HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", "1.009994.H43");
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    /** Headless Debian Chromium in that language (the portal and Keycloak's page speak it; Tasklist is English). */
    private static WebDriver chromium(String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver (bash .ci/run installs them)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        return new ChromeDriver(new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--no-first-run",
                        "--window-size=1400,2000",
                        "--lang=" + language,
                        "--disable-sync"));
    }
}
