package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;

/**
 * An official of the ward's reception logs in through Keycloak's login page, lands in Tasklist, sees only the tasks
 * of the department, claims one, completes its Camunda Form, logs out, and Keycloak asks for a login again. Headless
 * Debian Chromium; the realm holds 500 more users in 60 more departments, and the times are printed.
 */
@KeycloakTest
class TasklistBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Pattern TASK_ID = Pattern.compile("task=([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService taskService;

    Api api;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("needs Debian's chromium and chromium-driver (bash .ci/run installs them)")
                .isTrue();
        // never let Selenium Manager download a browser or a driver
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1400,1000",
                        "--lang=en-US");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        KeycloakServer keycloak = KeycloakServer.get();
        api = new Api(port, user -> "Bearer " + keycloak.token(user));
    }

    @AfterEach
    void close() throws java.io.IOException {
        if (browser != null) {
            // what the browser showed last, for a failed run: target/tasklist-browser.{html,png}
            Files.writeString(
                    Path.of("target/tasklist-browser.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            Files.write(
                    Path.of("target/tasklist-browser.png"),
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void officialLogsInSeesOnlyTheDepartmentsTasksClaimsCompletesTheFormAndLogsOutOfKeycloak() {
        String wardDossier = file("congdan", "1.009994.H43", "ONLINE");
        String provinceDossier = file("tiepnhan", "1.009991.H43", "COUNTER");
        String wardTask =
                api.tasks("pr.tiepnhan", wardDossier).get(0).path("id").asText();
        String provinceTask =
                api.tasks("tiepnhan", provinceDossier).get(0).path("id").asText();
        // the list is sorted by due date and shows one page: these two come first, before the tasks other tests left
        for (String id : List.of(wardTask, provinceTask)) {
            org.camunda.bpm.engine.task.Task task =
                    taskService.createTaskQuery().taskId(id).singleResult();
            task.setDueDate(java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(365))));
            taskService.saveTask(task);
        }
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";

        browser.get(tasklist);
        logInAtKeycloak("pr.tiepnhan");
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

        long listStart = System.nanoTime();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Việc của phòng tôi')]")))
                .click();
        wait.until(d -> taskIdsInList().contains(wardTask));
        long listMillis = (System.nanoTime() - listStart) / 1_000_000;
        Set<String> listed = taskIdsInList();
        assertThat(listed).contains(wardTask).doesNotContain(provinceTask);
        assertThat(listed)
                .allSatisfy(id -> assertThat(api.get("/engine-rest/task/" + id, "pr.tiepnhan")
                                .text("id"))
                        .isEqualTo(id));
        assertThat(api.get("/engine-rest/task/" + provinceTask, "pr.tiepnhan").status())
                .isNotEqualTo(200);

        WebElement card = browser.findElement(By.cssSelector(".tasks-list a[href*='" + wardTask + "']"));
        // the list scrolls inside its column; the page's footer would take a click below the window's edge
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        card.click();
        long claimStart = System.nanoTime();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        long claimMillis = (System.nanoTime() - claimStart) / 1_000_000;

        // the tab "Hồ sơ" reads the officials' dossier view with the Keycloak web-app session (no bearer token)
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']")))
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".motcua-dossier"), "058090001234"));
        assertThat(browser.findElement(By.cssSelector(".motcua-dossier")).getText())
                .contains("Hồ sơ " + wardDossier)
                .contains("Số tầng");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'nav-tabs')]/li[1]/a")))
                .click();

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(.,'Tiếp nhận hồ sơ')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                .click();
        wait.until(d -> api.tasks("pr.tiepnhan", wardDossier).isEmpty());
        assertThat(api.tasks("pr.truongphong", wardDossier))
                .extracting(t -> t.path("taskDefinitionKey").asText())
                .containsExactly("Task_AssignDossier");

        ((JavascriptExecutor) browser).executeScript("document.querySelector('li.logout a').click()");
        // Tasklist shows its own login route once the logout request has answered
        wait.until(ExpectedConditions.urlContains("login"));
        browser.get(tasklist);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(KeycloakServer.get().issuer());

        System.out.printf(
                "[measured] Tasklist (realm with %d extra users, %d extra departments): department filter listed %d"
                        + " tasks in %d ms, claim took %d ms%n",
                LoadRealm.USERS, LoadRealm.departments(), listed.size(), listMillis, claimMillis);
    }

    private void logInAtKeycloak(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    /** The tasks the list shows, read in one script (the list is redrawn while it loads: no element is held). */
    private Set<String> taskIdsInList() {
        @SuppressWarnings("unchecked")
        List<Object> hrefs = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return [...document.querySelectorAll(\".tasks-list a[href*='task=']\")]"
                        + ".map(a => a.href)");
        return hrefs.stream()
                .map(href -> TASK_ID.matcher(String.valueOf(href)))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    private String file(String user, String procedure, String channel) {
        Map<String, Object> request = new java.util.HashMap<>(Api.housePermitRequest(channel));
        request.put("procedureCode", procedure);
        if (!"ONLINE".equals(channel)) {
            request.put("receivedComponents", List.of("TKCS"));
        }
        Api.Reply filed = api.fileDossier(user, Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }
}
