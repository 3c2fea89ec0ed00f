package vn.motcua.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.Api;

/**
 * A citizen's way through the portal, step by step as a person clicks it: the catalogue, the "Đăng nhập" button and
 * the (Vietnamese) login page — Keycloak's, or the portal's own on the embedded default — the house-permit start form with its attachments, the
 * confirmation with the slip, the tracking page. Reused by every test that runs the journey (one node, or several
 * behind a load balancer): give it the driver and the base URL the browser uses.
 */
public class PortalJourney {

    public static final String HOUSE_PERMIT = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ";
    public static final String HOUSE_PERMIT_CODE = "1.009994.H43";

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private String code;
    private String secret;

    public PortalJourney(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** The catalogue, searched for "xây dựng"; the house permit must be listed. */
    public PortalJourney openCatalogue() {
        driver.get(base + "/portal/index.html");
        type("#q", "xây dựng");
        click("#search button");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results"), HOUSE_PERMIT));
        return this;
    }

    /** From the catalogue to the procedure's page. */
    public PortalJourney openHousePermit() {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(HOUSE_PERMIT)))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#details"), "Thành phần hồ sơ"));
        return this;
    }

    /**
     * "Đăng nhập" in the portal's header, then the login page with the user's name and password — Keycloak's in
     * Keycloak mode, the portal's own on the embedded default (the same ids for the two fields); back on the page the
     * header shows who is logged in. Returns the title the login page showed (in Vietnamese).
     */
    public String loginAsCitizen(String user, String password) {
        String title = openKeycloakLogin();
        type("#username", user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#kc-login, #login-submit")).click();
        awaitLoggedIn();
        return title;
    }

    /**
     * "Đăng nhập", then the VNeID button of Keycloak's login page, then the (emulated) VNeID's own login page with
     * the personal identification number and password. Returns the title Keycloak's page showed.
     */
    public String loginThroughVneid(String personalId, String password) {
        String title = openKeycloakLogin();
        click("#social-vneid");
        type("#username", personalId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        awaitLoggedIn();
        return title;
    }

    /** The name the portal's header shows for the logged-in user. */
    public String loggedInAs() {
        return visible("#user-name").getText();
    }

    /** "Nộp hồ sơ trực tuyến" on the house permit's page (opens it first if needed). */
    public PortalJourney openFiling() {
        if (!driver.getCurrentUrl().contains("thu-tuc.html")) {
            driver.get(base + "/portal/thu-tuc.html?ma=" + HOUSE_PERMIT_CODE);
        }
        click("#file-online");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[@id='start-form']//label[starts-with(normalize-space(.), 'Địa điểm xây dựng')]")));
        return this;
    }

    /** The applicant's fields as the filing page shows them: name, number and whether they can be edited. */
    public record ApplicantFields(String name, String idNumber, boolean nameEditable, boolean idEditable) {}

    public ApplicantFields applicantFields() {
        WebElement name = visible("#applicant-name");
        WebElement id = visible("#applicant-id");
        return new ApplicantFields(
                name.getDomProperty("value"), id.getDomProperty("value"), editable(name), editable(id));
    }

    /**
     * Fills the applicant (where the account left it empty), the house-permit start form and the three
     * attachments, submits, and waits for the confirmation; returns the dossier code.
     */
    public String fileHousePermit() {
        if (!driver.getCurrentUrl().contains("nop-ho-so.html")) {
            openFiling();
        }
        fillIfEmpty("#applicant-name", "Nguyễn Văn An");
        fillIfEmpty("#applicant-id", "058090001234");
        type("#applicant-address", "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận");
        type("#applicant-phone", "0912345678");
        fillIfEmpty("#applicant-email", "an.nguyen@example.vn");
        formField("Địa điểm xây dựng", "Thửa 125, tờ bản đồ 7, phường Phan Rang");
        formField("Thửa đất số", "Thửa 125, tờ 7");
        formField("Tổng diện tích sàn", "180");
        formField("Số tầng", "3");
        Path files = attachments();
        attach("#file-DON", files.resolve("don-de-nghi.pdf"));
        attach("#file-QSDD", files.resolve("quyen-su-dung-dat.pdf"));
        attach("#file-BANVE", files.resolve("ban-ve.pdf"));
        click("#submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#code"), "H43"));
        code = visible("#code").getText();
        secret = visible("#secret").getText();
        return code;
    }

    public String code() {
        return code;
    }

    public String secret() {
        return secret;
    }

    /** The confirmation's text ("Hồ sơ đã được gửi thành công", code, appointment, secret). */
    public String confirmation() {
        return visible("#confirmation").getText();
    }

    /**
     * The receipt slip behind the confirmation's link, without any login: the page fetches it with the secret in a
     * header (never in the link, which must not carry it).
     */
    public byte[] downloadSlip() {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#slip")));
        if (String.valueOf(link.getDomAttribute("href")).contains("secret")) {
            throw new AssertionError("the slip link carries the secret: " + link.getDomAttribute("href"));
        }
        return Browser.downloadedBy(driver, wait, link);
    }

    /** The tracking page of a dossier; returns its status text once it shows. */
    public String track(String dossierCode) {
        driver.get(base + "/portal/tra-cuu.html?ma=" + dossierCode);
        wait.until(d -> !d.findElement(By.cssSelector("#status")).getText().isBlank());
        return visible("#status").getText();
    }

    /** The current step the tracking page shows. */
    public String currentStep() {
        return visible("#current-step").getText();
    }

    /** The plain steps the tracking page leads with (received → handled at … → result → returned), in order. */
    public java.util.List<String> plainSteps() {
        return driver.findElements(By.cssSelector("#steps .step-label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** "Hồ sơ của tôi" from the header; returns the list's text once it names the dossier. */
    public String myDossiers(String expectedCode) {
        click("#mine-link");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mine"), expectedCode));
        return visible("#mine").getText();
    }

    /** "Đăng xuất" in the header; waits until the header offers "Đăng nhập" again. */
    public PortalJourney logout() {
        click("#logout");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login")));
        return this;
    }

    public void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String openKeycloakLogin() {
        click("#login");
        visible("#username");
        return driver.getTitle() + " | "
                + driver.findElements(By.cssSelector("h1")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse("");
    }

    private void awaitLoggedIn() {
        wait.until(d -> d.getCurrentUrl().startsWith(base + "/portal/"));
        visible("#user-name");
    }

    private static boolean editable(WebElement field) {
        return field.isEnabled() && field.getDomAttribute("readonly") == null;
    }

    /** What the account filled in (name, e-mail, a VNeID number) is kept; only empty, editable fields are typed. */
    private void fillIfEmpty(String css, String text) {
        WebElement field = visible(css);
        if (editable(field) && String.valueOf(field.getDomProperty("value")).isBlank()) {
            type(css, text);
        }
    }

    private static Path attachments() {
        try {
            Path folder = Files.createDirectories(Path.of("target/browser-files"));
            for (String name : new String[] {"don-de-nghi.pdf", "quyen-su-dung-dat.pdf", "ban-ve.pdf"}) {
                Files.write(folder.resolve(name), Api.PDF);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formField(String label, String text) {
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[@id='start-form']//label[starts-with(normalize-space(.), '" + label + "')]")));
        WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
        input.clear();
        input.sendKeys(text);
    }

    private void attach(String css, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .sendKeys(file.toAbsolutePath().toString());
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }
}
