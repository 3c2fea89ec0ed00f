package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * A citizen on a phone-sized window (390 px) finds the returned house permit with the secret, rates it on the nine
 * criteria by tapping, and sees the total; back later, the rating is shown again and changed. Screenshots in
 * target/screenshots/portal/rating-*.
 */
@IntegrationTest
class RatingBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;
    Api api;

    @BeforeEach
    void start() {
        api = new Api(port);
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void theApplicantRatesTheReturnedDossierFromTheTrackingPageOnAPhone() {
        Api.Filed filed = api.returnedHousePermit();
        String code = filed.code();
        String secret = filed.secret();

        browser.windowSize(390, 844).open("/portal/tra-cuu.html");
        browser.type("#code", code).type("#secret", secret).click("#lookup button[type='submit']");
        browser.visible("#rating");
        assertThat(browser.text("#rating h3")).isEqualTo("Đánh giá việc giải quyết hồ sơ");
        assertThat(browser.driver().findElements(By.cssSelector("#rating-criteria li")))
                .hasSize(9);
        assertThat(browser.text("#rating-criteria li[data-criterion='7'] .criterion-text"))
                .isEqualTo("7. Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ");
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('#rating .choices label, #rating-submit')]"
                        + ".map(e => e.getBoundingClientRect().height)");
        assertThat(heights)
                .hasSize(28)
                .allSatisfy(h -> assertThat(h.doubleValue()).isGreaterThanOrEqualTo(44));
        assertThat(((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return document.documentElement.scrollWidth"))
                        .intValue())
                .as("no sideways scrolling on the phone")
                .isLessThanOrEqualTo(390);

        // one criterion left out: the page says which
        for (int c = 1; c <= 8; c++) {
            browser.click("#rating-criteria li[data-criterion='" + c + "'] input[value='" + (c == 3 ? 1 : 2) + "']");
        }
        browser.click("#rating-submit");
        assertThat(browser.textOnceItShows("#rating-message", "tiêu chí 9"))
                .isEqualTo("Vui lòng chấm điểm tiêu chí 9.");
        browser.click("#rating-criteria li[data-criterion='9'] input[value='1']");
        browser.type("#rating-comment", "Cán bộ hướng dẫn tận tình.");
        browser.screenshot("rating-1-phone-form");
        browser.click("#rating-submit");
        String thanks = browser.textOnceItShows("#rating-message", "Cảm ơn");
        assertThat(thanks)
                .startsWith("Cảm ơn bạn đã đánh giá. Đánh giá của bạn: 16/18 điểm – Rất hài lòng. Có thể sửa đến ");
        browser.screenshot("rating-2-thanks");
        JsonNode stored = api.getWithSecret("/api/dossiers/" + code + "/rating", secret)
                .body()
                .path("rating");
        assertThat(stored.path("scores").toString()).isEqualTo("[2,2,1,2,2,2,2,2,1]");
        assertThat(stored.path("comment").asText()).isEqualTo("Cán bộ hướng dẫn tận tình.");

        // back on the page later: the rating is there, and changed
        browser.open("/portal/tra-cuu.html");
        browser.type("#code", code).type("#secret", secret).click("#lookup button[type='submit']");
        assertThat(browser.textOnceItShows("#rating-message", "16/18")).contains("Rất hài lòng");
        assertThat(browser.attribute("#rating-criteria li[data-criterion='3'] input[value='1']", "checked"))
                .isEqualTo("true");
        assertThat(browser.text("#rating-submit")).isEqualTo("Cập nhật đánh giá");
        browser.click("#rating-criteria li[data-criterion='1'] input[value='0']");
        browser.click("#rating-submit");
        assertThat(browser.textOnceItShows("#rating-message", "Cảm ơn")).contains("14/18 điểm – Hài lòng");
        assertThat(api.getWithSecret("/api/dossiers/" + code + "/rating", secret)
                        .body()
                        .path("rating")
                        .path("revision")
                        .asInt())
                .isEqualTo(2);
        browser.screenshot("rating-3-changed");
    }
}
