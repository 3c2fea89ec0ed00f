package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The counter's rating kiosk (danh-gia.html) on a landscape touch screen: the citizen scans the code, types the secret,
 * rates the returned house permit with the big buttons, sees the total, and the page forgets them by itself (or on
 * "Xong"); a wrong secret and a dossier not returned yet are refused with the API's words. Screenshots in
 * target/screenshots/portal/kiosk-*.
 */
@IntegrationTest
class KioskRatingBrowserTests {

    private static final String PROCEDURE = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ";

    private final int port;
    private final Api api;
    /** A new browser for each test (JUnit makes a new instance of the class for each). */
    private final Browser browser;

    KioskRatingBrowserTests(@LocalServerPort int port) {
        this.port = port;
        api = new Api(port);
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aCitizenRatesTheReturnedDossierAtTheKioskAndThePageForgetsThemAfterwards() {
        Api.Filed filed = api.returnedHousePermit();
        String code = filed.code();
        String secret = filed.secret();

        browser.windowSize(1280, 1024).open("/portal/danh-gia.html?reset=3");
        assertThat(browser.text("h1")).isEqualTo("Đánh giá mức độ hài lòng\nRate how your dossier was handled");
        browser.screenshot("kiosk-1-start");
        // the scanner types the code and Enter: the page moves on to the secret
        browser.visible("#kiosk-code").sendKeys(code, Keys.ENTER);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("kiosk-secret");
        assertThat(browser.attribute("#kiosk-lookup", "hidden")).isNull();
        browser.type("#kiosk-secret", secret).click("#kiosk-open");

        browser.visible("#kiosk-rating");
        assertThat(browser.text("#kiosk-procedure")).isEqualTo(PROCEDURE);
        assertThat(browser.text("#kiosk-dossier")).isEqualTo(code);
        assertThat(browser.driver().findElements(By.cssSelector("#kiosk-criteria li")))
                .hasSize(9);
        assertThat(browser.text("#kiosk-criteria li[data-criterion='7'] .criterion-text .vi"))
                .isEqualTo("Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ");
        assertThat(browser.text("#kiosk-criteria li[data-criterion='7'] .criterion-text small"))
                .isEqualTo("Staff attitude when guiding, receiving and handling the dossier");
        assertThat(browser.text("#kiosk-criteria li[data-criterion='1'] label[data-points='1']"))
                .isEqualTo("1\nBình thường\nFair");
        assertThat(browser.attribute("#kiosk-secret", "value"))
                .as("the secret is not left in the field")
                .isEmpty();
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) browser.script(
                "return [...document.querySelectorAll('#kiosk-criteria label, #kiosk-send, #kiosk-cancel')]"
                        + ".map(e => e.getBoundingClientRect().height)");
        assertThat(heights)
                .hasSize(29)
                .allSatisfy(h -> assertThat(h.doubleValue()).isGreaterThanOrEqualTo(72));
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(1280);

        int[] scores = {2, 1, 2, 2, 0, 2, 1, 2, 2};
        for (int c = 1; c <= 8; c++) {
            choose(c, scores[c - 1]);
        }
        browser.click("#kiosk-send");
        assertThat(browser.textOnceItShows("#kiosk-rating-message", "tiêu chí 9"))
                .isEqualTo("Vui lòng chấm điểm tiêu chí 9.\nPlease score criterion 9.");
        choose(9, scores[8]);
        assertThat(browser.attribute("#kiosk-rating-message", "hidden")).isEqualTo("true");
        browser.type("#kiosk-comment", "Cán bộ tiếp nhận hướng dẫn rõ ràng.");
        browser.script("window.scrollTo(0, document.body.scrollHeight)");
        browser.screenshot("kiosk-2-form-end");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("kiosk-2-form-top");
        browser.click("#kiosk-send");

        assertThat(browser.textOnceItShows("#kiosk-total", "/18")).isEqualTo("Tổng điểm: 14/18 – Hài lòng");
        long thanked = System.nanoTime();
        assertThat(browser.text("#kiosk-total-en")).isEqualTo("Total: 14/18 – satisfied");
        assertThat(browser.text("#kiosk-thanks h2"))
                .isEqualTo("Cảm ơn ông/bà đã đánh giá!\nThank you for your rating!");
        browser.screenshot("kiosk-3-thanks");
        assertStored(code, secret, "[2,1,2,2,0,2,1,2,2]", 14, 1);

        // ?reset=3: three seconds later the page is back at the start, nothing of this citizen left on it
        browser.until("return document.body.dataset.screen === 'kiosk-lookup'");
        double waited = (System.nanoTime() - thanked) / 1e9;
        assertThat(waited).isBetween(1.5, 15.0);
        assertForgotten(code, secret);
        browser.screenshot("kiosk-4-cleared");

        // the same citizen comes back within the edit period: their scores are shown, one is changed, "Xong" at once
        browser.open("/portal/danh-gia.html");
        browser.type("#kiosk-code", code).type("#kiosk-secret", secret).click("#kiosk-open");
        assertThat(browser.textOnceItShows("#kiosk-rating-message", "đã được đánh giá"))
                .isEqualTo("Hồ sơ đã được đánh giá: ông/bà có thể sửa lại.\n"
                        + "This dossier was rated already: you may change the rating.");
        assertThat(browser.script("return document.querySelector(\"#kiosk-criteria li[data-criterion='5']"
                        + " input:checked\").value"))
                .isEqualTo("0");
        choose(5, 2);
        browser.click("#kiosk-send");
        assertThat(browser.textOnceItShows("#kiosk-total", "/18")).isEqualTo("Tổng điểm: 16/18 – Rất hài lòng");
        assertThat(browser.text("#kiosk-countdown")).startsWith("Màn hình sẽ tự làm mới sau ");
        long done = System.nanoTime();
        browser.click("#kiosk-done");
        browser.until("return document.body.dataset.screen === 'kiosk-lookup'");
        assertThat((System.nanoTime() - done) / 1e9)
                .as("cleared by the button, not by the 20 s default")
                .isLessThan(10.0);
        assertForgotten(code, secret);
        assertStored(code, secret, "[2,1,2,2,2,2,1,2,2]", 16, 2);
    }

    @Test
    void aWrongSecretAndADossierNotReturnedYetAreRefusedInVietnamese() {
        Api.Filed filed = api.fileHousePermitOnline();
        String code = filed.code();
        String secret = filed.secret();

        browser.windowSize(1280, 1024).open("/portal/danh-gia.html");
        browser.type("#kiosk-code", code)
                .type("#kiosk-secret", "SAI1-SAI2-SAI3")
                .click("#kiosk-open");
        assertThat(browser.textOnceItShows("#kiosk-message .vi", "Mã bí mật"))
                .isEqualTo("Mã bí mật không đúng. Vui lòng dùng mã bí mật in trên giấy tiếp nhận hồ sơ.");
        assertThat(browser.text("#kiosk-message small"))
                .isEqualTo("The secret is wrong: use the one printed on the receipt slip.");
        assertThat(browser.attribute("#kiosk-message", "class")).isEqualTo("message error");
        assertThat(browser.attribute("#kiosk-rating", "hidden")).isEqualTo("true");
        browser.screenshot("kiosk-5-wrong-secret");

        // the right secret, the code scanned from the slip's QR link: the dossier is still being processed
        browser.type("#kiosk-code", "http://localhost:" + port + "/portal/tra-cuu.html?ma=" + code)
                .type("#kiosk-secret", secret)
                .click("#kiosk-open");
        assertThat(browser.textOnceItShows("#kiosk-message .vi", "chưa trả kết quả"))
                .isEqualTo("Hồ sơ " + code + " chưa trả kết quả: chỉ đánh giá được sau khi đã nhận kết quả.");
        assertThat(browser.text("#kiosk-message small"))
                .isEqualTo(
                        "Dossier " + code + " has not been returned yet: it can be rated once its result is received.");
        assertThat(browser.attribute("#kiosk-rating", "hidden")).isEqualTo("true");
        assertThat(browser.driver().findElements(By.cssSelector("#kiosk-criteria li")))
                .isEmpty();
        browser.screenshot("kiosk-6-not-returned");
        assertThat(api.getWithSecret("/api/dossiers/" + code + "/rating", secret)
                        .body()
                        .path("rating")
                        .isNull())
                .isTrue();

        // walked away with the code and the secret typed: ?idle=2, two seconds after the last key the fields are empty
        browser.open("/portal/danh-gia.html?idle=2");
        browser.type("#kiosk-code", code).type("#kiosk-secret", secret);
        long typed = System.nanoTime();
        browser.until("return document.querySelector('#kiosk-code').value === ''"
                + " && document.querySelector('#kiosk-secret').value === ''");
        assertThat((System.nanoTime() - typed) / 1e9).isBetween(1.0, 15.0);
    }

    /** The rating as the API keeps it: given at the kiosk, these nine scores and total, the comment, this revision. */
    private void assertStored(String code, String secret, String scores, int total, int revision) {
        JsonNode stored = api.getWithSecret("/api/dossiers/" + code + "/rating", secret)
                .body()
                .path("rating");
        assertThat(stored.path("channel").asText()).isEqualTo("KIOSK");
        assertThat(stored.path("scores").toString()).isEqualTo(scores);
        assertThat(stored.path("total").asInt()).isEqualTo(total);
        assertThat(stored.path("comment").asText()).isEqualTo("Cán bộ tiếp nhận hướng dẫn rõ ràng.");
        assertThat(stored.path("revision").asInt()).isEqualTo(revision);
    }

    private void choose(int criterion, int points) {
        browser.click("#kiosk-criteria li[data-criterion='" + criterion + "'] label[data-points='" + points + "']");
    }

    /** The start screen, empty: no code, no secret, no dossier, no scores, no comment, no total anywhere on the page. */
    private void assertForgotten(String code, String secret) {
        assertThat(browser.attribute("#kiosk-rating", "hidden")).isEqualTo("true");
        assertThat(browser.attribute("#kiosk-thanks", "hidden")).isEqualTo("true");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("kiosk-code");
        assertThat(browser.script(
                        "return [...document.querySelectorAll('input, textarea')].map(e => e.value).join('')"))
                .isEqualTo("");
        assertThat(browser.driver().findElements(By.cssSelector("#kiosk-criteria li")))
                .isEmpty();
        String html = (String) browser.script("return document.body.innerHTML");
        assertThat(html).doesNotContain(code).doesNotContain(secret).doesNotContain("/18");
    }
}
