package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

/**
 * Through HAProxy in front of the two nodes: an official works in Tasklist in headless Chromium (sticky session), and
 * a dossier's journey survives the {@code kill -9} of a node (HAProxy takes it out, the other node carries on).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJourneyTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static Cluster cluster;
    WebDriver browser;

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
        }
    }

    @Test
    @Order(1)
    void anOfficialLogsInToTasklistThroughTheLoadBalancerAndCompletesTheFirstTask() {
        Api api = cluster.api();
        String code = file(api);
        String task = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();

        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(cluster.url() + "/camunda/app/tasklist/default/#/?task=" + task);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("pr.tiepnhan");
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        // the session stays on one node: HAProxy's cookie
        wait.until(d -> d.manage().getCookieNamed("MOTCUA_NODE") != null);
        String node = browser.manage().getCookieNamed("MOTCUA_NODE").getValue();
        assertThat(node).isIn("n1", "n2");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(.,'Tiếp nhận hồ sơ')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                .click();
        Instant asked = Instant.now();
        while (!api.tasks("pr.tiepnhan", code).isEmpty()) {
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(60));
            Installation.sleep(Duration.ofMillis(300));
        }
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
        assertThat(tracked.text("status")).isEqualTo("2");

        // back in: restarted, HAProxy sends to it again, and it sees what the other node did
        victim.start();
        cluster.awaitState("n1", "UP", Duration.ofSeconds(30));
        assertThat(cluster.api(victim).get("/api/tracking/" + code).text("status"))
                .isEqualTo("2");
    }

    private static String file(Api api) {
        Map<String, Object> request = new java.util.HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", "1.009994.H43");
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed.text("code");
    }

    private static WebDriver chromium() {
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
                        "--window-size=1400,1000",
                        "--lang=en-US",
                        "--disable-sync"));
    }
}
