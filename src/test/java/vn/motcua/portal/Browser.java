package vn.motcua.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven through Debian's chromedriver; nothing is downloaded. */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    public Browser(int port) {
        this("http://localhost:" + port);
    }

    /** A browser for pages served elsewhere than the application, e.g. a static page of the build. */
    public Browser(String base) {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--disable-dev-shm-usage",
                        "--lang=vi",
                        "--window-size=1280,2200");
        // --lang alone does not reach navigator.languages in headless mode; the web apps choose their locale there
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        this.base = base;
        // a look-up that meets a page in the middle of navigating ("aborted by navigation", a detached element) is
        // tried again on the next poll; if the condition never holds, the timeout names the last such error
        wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    Browser type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Clicks the element an XPath finds (e.g. by its visible text), once it is clickable. */
    Browser clickXpath(String xpath) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
        return this;
    }

    /** Runs a script in the page (asynchronously: it calls its last argument with the result) and returns the result. */
    public Object asyncScript(String asyncScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(asyncScript, arguments);
    }

    /** Waits until the script, run again and again, returns true. */
    public void until(String script) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    Browser clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
        return this;
    }

    /** Types into a form-js field found by its label, as a person finds it. */
    Browser formField(String label, String text) {
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[@id='start-form']//label[starts-with(normalize-space(.), '" + label + "')]")));
        WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    Browser attach(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Waits until the element shows the text (the page's answer arrives asynchronously), then returns all of it. */
    public String textOnceItShows(String css, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until the element shows one of the texts, then returns all of it. */
    String textOnceItShowsAny(String css, String... expected) {
        wait.until(ExpectedConditions.or(java.util.Arrays.stream(expected)
                .map(text -> ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text))
                .toArray(org.openqa.selenium.support.ui.ExpectedCondition[]::new)));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public String text(String css) {
        return visible(css).getText();
    }

    String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    /**
     * Clicks a file link (a slip, an export) and returns the file the page fetched for it (with the secret or the login
     * in a header, kept as an object URL in {@code data-file}), read back from the page itself.
     */
    public byte[] downloadedBy(String css) {
        return downloadedBy(driver, wait, find(css));
    }

    /** As {@link #downloadedBy(String)}, for any page and link. */
    static byte[] downloadedBy(WebDriver driver, WebDriverWait wait, WebElement link) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript("arguments[0].removeAttribute('data-file')", link);
        link.click();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(link, "data-file"));
        Object base64 = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                        + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })",
                link.getDomAttribute("data-file"));
        return java.util.Base64.getDecoder().decode((String) base64);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    public WebDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    /** Runs a script in the page and returns what it returns. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The computed font size of the element, in CSS pixels. */
    public double fontSize(String css) {
        return Double.parseDouble(String.valueOf(script("return getComputedStyle(arguments[0]).fontSize", visible(css)))
                .replace("px", ""));
    }

    /** The height in CSS pixels of each visible element the selector finds, by its id or else its text. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Double> heights(String css) {
        java.util.Map<String, Double> heights = new java.util.LinkedHashMap<>();
        ((java.util.List<java.util.Map<String, Object>>) script(
                        "return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent !== null)"
                                + ".map(e => ({id: e.id || e.textContent.trim(), height: e.getBoundingClientRect().height}))",
                        css))
                .forEach(target ->
                        heights.put((String) target.get("id"), ((Number) target.get("height")).doubleValue()));
        return heights;
    }

    /** How wide the page is in CSS pixels (wider than the window: it scrolls sideways). */
    public int pageWidth() {
        return ((Number) script("return document.documentElement.scrollWidth")).intValue();
    }

    /** The window's inner size in CSS pixels, e.g. 390 × 844 for a phone. */
    public Browser windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // the window's frame, if any, is not part of the page: grow the window until the page has the size asked for
        Number innerWidth = (Number) script("return window.innerWidth");
        Number innerHeight = (Number) script("return window.innerHeight");
        driver.manage()
                .window()
                .setSize(new Dimension(2 * width - innerWidth.intValue(), 2 * height - innerHeight.intValue()));
        return this;
    }

    /** A fresh login session on the portal's login page, as a person logs in; back on the catalogue afterwards. */
    public Browser loginAs(String user, String password) {
        forgetCookies();
        open("/portal/dang-nhap.html?tiep=" + java.net.URLEncoder.encode("/portal/index.html", StandardCharsets.UTF_8));
        type("#username", user).type("#password", password).click("#login-submit");
        visible("#user-name");
        return this;
    }

    /** Forgets every cookie of the site (the login session among them), as a new browser would. */
    Browser forgetCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** A screenshot in target/screenshots/portal, or where the name says ("tasklist/00-logged-in"). */
    public void screenshot(String name) {
        try {
            Path file = (name.contains("/") ? Path.of("target/screenshots") : Path.of("target/screenshots/portal"))
                    .resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
