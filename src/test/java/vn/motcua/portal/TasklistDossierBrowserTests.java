package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * Officials in Tasklist (embedded identity, headless Debian Chromium): the head finds the dossier by typing its code,
 * sees full codes on cards sorted by due date and assigns from the dropdown of the ward's specialists; the specialist
 * opens the task, reads applicant and filed values in the tab "Hồ sơ" and downloads the drawing unchanged; the Sở Xây
 * dựng's specialist sees no card of it and is refused the same drawing.
 */
@IntegrationTest
class TasklistDossierBrowserTests {

    static final byte[] DRAWING = "%PDF-1.4\n% bản vẽ mặt đứng, tỉ lệ 1:100\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    Api api;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        api = new Api(port);
        Files.createDirectories(Path.of("target/screenshots/tasklist"));
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void headFindsByCodeAndAssignsFromTheListSpecialistSeesTheWholeDossierAndDownloadsTheDrawing() throws Exception {
        String other = api.fileHousePermit(DRAWING);
        String code = api.fileHousePermit(DRAWING);
        api.completeTask("pr.tiepnhan", other, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));

        // the newer dossier's step is due a day later than the older one's: sorted by due date its card comes second,
        // where sorting by creation would put it first; both are due before what other tests left on the list's page
        dueDaysAgo(other, 365);
        dueDaysAgo(code, 364);

        logIn("pr.truongphong");
        browser.until("return document.querySelectorAll('.tasks-list li.task').length >= 2");
        assertThat(browser.url()).contains("dueDate");
        browser.until("const cards = [...document.querySelectorAll('.tasks-list h4.task a')].map(a => a.textContent);"
                + " const a = cards.findIndex(t => t.includes('" + other + "'));"
                + " const b = cards.findIndex(t => t.includes('" + code + "'));"
                + " return a >= 0 && b > a");
        assertThat(browser.text("body"))
                .as("no functions an official does not need")
                .doesNotContain("Tạo công việc")
                .doesNotContain("Khởi tạo quy trình")
                .doesNotContain("Create task")
                .doesNotContain("Start process");
        browser.until("return [...document.querySelectorAll('.tasks-list h4.task a')]"
                + ".some(a => a.textContent.includes('" + code + " · Phân công xử lý'))");
        browser.screenshot("tasklist/00-logged-in");
        browser.until("return document.body.innerText.includes('Bùi Văn Khánh')"
                + " && document.body.innerText.includes('Việc của phòng tôi')");
        assertThat(browser.text("body")).doesNotContain("Khánh Bùi Văn").contains("Hạn");
        browser.screenshot("tasklist/01-cards-by-due-date");

        browser.type(".search-container input, [cam-widget-search] input", code)
                .find("[cam-widget-search] input")
                .sendKeys(Keys.ENTER);
        browser.until("const cards = [...document.querySelectorAll('.tasks-list h4.task a')];"
                + " return cards.length === 1 && cards[0].textContent.includes('" + code + "')");
        browser.screenshot("tasklist/02-found-by-code");

        browser.click(".tasks-list h4.task a").click("button.claim");
        browser.until(
                "return !document.querySelector('button.claim') && !!document.querySelector('.fjs-select-display')");
        browser.screenshot("tasklist/03-assignment-form");
        browser.clickXpath("//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-select-arrow')]");
        browser.clickXpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'Đỗ Thị Mai')]");
        browser.screenshot("tasklist/04-assign-from-list");
        browser.clickXpath("//button[normalize-space()='Hoàn thành' or normalize-space()='Complete']");
        browser.until("return !document.querySelector('button.claim') && !document.querySelector('.fjs-form')");
        assertThat(api.tasks("pr.chuyenvien", code).get(0).path("assignee").asText())
                .isEqualTo("pr.chuyenvien");

        browser.close();
        browser = new Browser(port);
        logIn("pr.chuyenvien");
        browser.until("return [...document.querySelectorAll('.tasks-list h4.task a')]"
                + ".some(a => a.textContent.includes('" + code + " · Thẩm định hồ sơ'))");
        browser.clickXpath("//ol[contains(@class,'tasks-list')]//a[contains(.,'" + code + "')]");
        browser.until("return document.querySelector('.tasks-list h5.assignee').textContent.includes('Đỗ Thị Mai')");
        browser.clickXpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']");
        String tab = browser.textOnceItShows(".motcua-dossier", "Nguyễn Văn An");
        assertThat(tab)
                .contains("Hồ sơ " + code)
                .contains("058090001234")
                .contains("12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận")
                .contains("0912345678")
                .contains("Tổng diện tích sàn (m²) 180")
                .contains("Số tầng 3")
                .contains("Thửa 125, tờ bản đồ 7, phường Phan Rang")
                .contains("Bùi Văn Khánh")
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        browser.screenshot("tasklist/05-dossier-tab");

        Object sha = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "const link = [...document.querySelectorAll('.motcua-files a')]"
                + ".find(a => a.dataset.component === 'BANVE');"
                + "fetch(link.href).then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))"
                + ".then(d => done([...new Uint8Array(d)].map(x => x.toString(16).padStart(2, '0')).join('')))"
                + ".catch(e => done('error ' + e))");
        assertThat(sha)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(DRAWING)));

        Object slip = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('.motcua-slips a').href).then(r => r.text())"
                + ".then(t => done(t.substring(0, 5))).catch(e => done('error ' + e))");
        assertThat(slip)
                .as("the receipt slip opened from the tab, with the Tasklist session")
                .isEqualTo("%PDF-");
        String drawing = (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('.motcua-files a')]"
                        + ".find(a => a.dataset.component === 'BANVE').href");

        // an official of another department (the Sở Xây dựng's specialist): no card, and the same drawing refused
        browser.close();
        browser = new Browser(port);
        logIn("sxd.chuyenvien");
        // the list has loaded: cards of that department, or its "nothing found"
        browser.until("return document.querySelectorAll('.tasks-list li.task').length > 0"
                + " || document.body.innerText.includes('Không tìm thấy công việc')");
        assertThat(browser.text("body")).doesNotContain(code);
        Object refused = browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.json().then(b => done(r.status + ' ' + b.message)))"
                        + ".catch(e => done('error ' + e))",
                drawing);
        assertThat(refused)
                .as("the drawing's address, from another department's Tasklist session")
                .asString()
                .startsWith("403 ");
        browser.screenshot("tasklist/06-other-department");
    }

    private void dueDaysAgo(String dossier, int days) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(dossier)
                .taskDefinitionKey("Task_AssignDossier")
                .singleResult();
        task.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(days))));
        taskService.saveTask(task);
    }

    private void logIn(String user) {
        browser.open("/camunda/app/tasklist/default/");
        browser.type("input[ng-model='username']", user)
                .type("input[ng-model='password']", Api.PASSWORD)
                .click("button[type='submit']");
    }
}
