package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.portal.Browser;

/**
 * The page of target/modeler/test-page (a bpmn-js Modeler with Camunda Modeler 5's packages for Camunda 7 and our
 * element templates), served by {@link StaticFiles} and driven in headless Chromium as a designer drives the Modeler.
 */
final class ModelerPage implements AutoCloseable {

    static final Path PAGE = Path.of("target/modeler/test-page");

    private final HttpServer server;
    private final Browser browser;

    ModelerPage() throws IOException {
        assertThat(PAGE.resolve("index.html"))
                .as("the Modeler test page, built by mvn generate-resources (npm run build:modeler)")
                .exists();
        server = StaticFiles.serve(PAGE);
        browser = new Browser("http://127.0.0.1:" + server.getAddress().getPort());
        browser.open("/index.html");
        await("return window.motcua.ready");
    }

    @SuppressWarnings("unchecked")
    List<String> templates() {
        return (List<String>) browser.script("return window.motcua.templates()");
    }

    /** A fresh Modeler with a new diagram, as a new tab of Camunda Modeler is. */
    void newDiagram() {
        browser.open("/index.html");
        await("return window.motcua.ready");
    }

    /** Appends an element after another, as the context pad does, with an id and a name. */
    void append(String after, String type, String id, String name) {
        appendEvent(after, type, null, id, name, 0);
    }

    /** Appends an event (or any element, {@code definition} null) below the flow by {@code down} pixels. */
    void appendEvent(String after, String type, String definition, String id, String name, int down) {
        browser.script(
                "window.motcua.append(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5])",
                after,
                type,
                id,
                name,
                definition,
                down);
    }

    void attachTimer(String host, String id, String name, String timeDate) {
        browser.script(
                "window.motcua.attachTimer(arguments[0], arguments[1], arguments[2], arguments[3])",
                host,
                id,
                name,
                timeDate);
    }

    void message(String element, String messageId, String name) {
        browser.script("window.motcua.message(arguments[0], arguments[1], arguments[2])", element, messageId, name);
    }

    void timeDate(String event, String expression) {
        browser.script("window.motcua.timeDate(arguments[0], arguments[1])", event, expression);
    }

    /** Selects the element and picks the template in the chooser, from the properties panel's "Template → Select". */
    void choose(String element, String templateName) {
        // a click on the shape, as the designer selects it (it also ends the typing in the panel's field)
        browser.visible("#canvas [data-element-id='" + element + "']").click();
        browser.until("return window.modeler.get('selection').isSelected(window.modeler.get('elementRegistry').get('"
                + element + "'))");
        try {
            browser.visible("#properties .bio-properties-panel-select-template-button")
                    .click();
        } catch (RuntimeException noButton) {
            screenshot("failed-choose-" + element);
            throw noButton;
        }
        browser.driver()
                .findElement(By.xpath("//div[contains(@class,'djs-popup')]//span[contains(@class,'djs-popup-label')]"
                        + "[normalize-space(.)='" + templateName + "']"))
                .click();
    }

    /** Opens the panel's group of this title (e.g. "Custom properties", where a template's fields are). */
    void openGroup(String title) {
        WebElement header = browser.driver()
                .findElement(
                        By.xpath("//div[@id='properties']//div[contains(@class,'bio-properties-panel-group-header')]"
                                + "[.//*[normalize-space(.)='" + title + "']]"));
        if (!header.getAttribute("class").contains("open")) {
            header.click();
        }
    }

    /** The id of the template applied to the element, as the panel's header reads it. */
    String appliedTemplate(String element) {
        return (String) browser.script("return window.motcua.appliedTemplate(arguments[0])", element);
    }

    /** The labels of the properties panel's fields, as the designer reads them. */
    @SuppressWarnings("unchecked")
    List<String> labels() {
        return (List<String>)
                browser.script("return [...document.querySelectorAll('#properties .bio-properties-panel-label')]"
                        + ".map(label => label.textContent.trim())");
    }

    /** Types into the panel's field of this label, as a designer replaces its text, and waits until the model has it. */
    void type(String label, String text, String element, String property) {
        WebElement field = field(label);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        field.sendKeys(Keys.TAB);
        awaitValue(element, property, text);
    }

    /** Picks a choice of the panel's dropdown of this label by typing the text shown, as with the keyboard. */
    void pick(String label, String choice, String element, String property, String value) {
        WebElement dropdown = field(label);
        dropdown.sendKeys(choice);
        assertThat(new Select(dropdown).getFirstSelectedOption().getText()).isEqualTo(choice);
        awaitValue(element, property, value);
    }

    /** Waits until the model has the value the panel was given (its fields apply input after a short delay). */
    private void awaitValue(String element, String property, String expected) {
        long until = System.currentTimeMillis() + 10_000;
        Object actual;
        do {
            actual = value(element, property);
            if (expected.equals(actual)) {
                return;
            }
            sleep();
        } while (System.currentTimeMillis() < until);
        screenshot("failed-" + element + "-" + property);
        throw new AssertionError(element + " " + property + ": expected " + expected + " but the model has " + actual);
    }

    Object value(String element, String property) {
        return browser.script("return window.motcua.value(arguments[0], arguments[1])", element, property);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebElement field(String label) {
        WebElement labelElement = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//div[@id='properties']//label[normalize-space(.)='" + label + "']")));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    String saveXml() {
        return (String) await("return window.motcua.saveXML()");
    }

    /** What the page's linting (bpmnlint with .bpmnlintrc, as the plugin gives the Modeler) reports, by rule. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> lint() {
        return (Map<String, List<String>>) await("return window.motcua.lint()");
    }

    void screenshot(String name) {
        browser.screenshot("modeler/" + name);
    }

    private Object await(String promise) {
        Object result =
                browser.asyncScript("const done = arguments[arguments.length - 1];" + "Promise.resolve((() => { "
                        + promise + " })()).then(done, e => done({ error: e.stack || String(e) }))");
        if (result instanceof Map<?, ?> map && map.containsKey("error")) {
            throw new IllegalStateException("the page failed: " + map.get("error"));
        }
        return result;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            server.stop(0);
        }
    }
}
