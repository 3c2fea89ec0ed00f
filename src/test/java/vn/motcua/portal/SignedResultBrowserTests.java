package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.signing.SignedDocuments;

/**
 * The applicant of a returned house permit downloads its signed result from the tracking page on a phone and checks it
 * there; anyone uploads a PDF on the verification page and reads the verdict: the result itself, a copy with one byte
 * changed, and a picture that is no PDF. Screenshots in target/screenshots/portal/ket-qua-ky-so-*.
 */
@IntegrationTest
class SignedResultBrowserTests {

    static final String VALID = "Văn bản hợp lệ: chữ ký số còn nguyên vẹn, đúng người ký, có dấu thời gian.";
    static final List<String> SIGNERS = List.of("Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang");
    static final DateTimeFormatter VIETNAM =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    static Browser browser;
    static Api.Filed permit;
    static byte[] result;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void start() {
        api = new Api(port);
        if (browser == null) {
            browser = new Browser(port);
        }
        if (permit == null) {
            permit = api.returnedHousePermit();
            ResponseEntity<byte[]> download = api.downloadWithSecret(resultPath(), permit.secret());
            result = download.getBody();
            assertThat(download.getHeaders().getFirst("X-Motcua-SHA256")).isEqualTo(SignedDocuments.sha256(result));
        }
        browser.windowSize(390, 844).open("/portal/index.html").forgetCookies();
        browser.script("localStorage.removeItem('motcua.lang')");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theApplicantDownloadsTheSignedResultFromTheTrackingPageAndChecksItsSignatures() {
        browser.open("/portal/tra-cuu.html");
        browser.type("#code", permit.code()).type("#secret", permit.secret()).click("#lookup button[type='submit']");
        browser.visible("#result-download");
        assertThat(browser.text("#result-download")).isEqualTo("Tải kết quả (bản điện tử đã ký số)");
        assertThat(browser.text("#result-verify")).isEqualTo("Kiểm tra chữ ký số");
        assertFitsAPhone();
        browser.script("document.getElementById('result-document').scrollIntoView({block: 'center'})");
        browser.screenshot("ket-qua-ky-so-1-tra-cuu");

        byte[] downloaded = browser.downloadedBy("#result-download");
        assertThat(SignedDocuments.sha256(downloaded)).isEqualTo(SignedDocuments.sha256(result));
        assertThat(downloaded).isEqualTo(result);

        browser.click("#result-verify");
        assertThat(browser.textOnceItShows("#verdict-title", "hợp lệ")).isEqualTo(VALID);
        assertThat(browser.url()).endsWith("/portal/kiem-tra-chu-ky.html?ma=" + permit.code());
        assertThat(browser.url()).doesNotContain(permit.secret());
        assertThat(signers()).isEqualTo(SIGNERS);
        assertThat(browser.text("#verdict-facts [data-fact=dossier] dd")).isEqualTo(permit.code());
        assertThat(browser.text("#verdict-facts [data-fact=sha256] dd")).isEqualTo(SignedDocuments.sha256(result));
        JsonNode verdict = api.getWithSecret(resultPath() + "/verification", permit.secret())
                .body()
                .path("verdict");
        for (int i = 0; i < 2; i++) {
            JsonNode signature = verdict.path("signatures").get(i);
            String card = "#signatures [data-signature='" + (i + 1) + "'] ";
            assertThat(browser.text(card + "[data-fact=signing-time] dd"))
                    .isEqualTo(shown(signature.path("signingTime").asText()));
            assertThat(browser.text(card + "[data-fact=timestamp] dd"))
                    .isEqualTo(shown(signature.path("timestamp").asText()));
            assertThat(browser.text(card + "[data-fact=intact] dd"))
                    .isEqualTo("Còn nguyên vẹn, không bị sửa sau khi ký");
            assertThat(browser.text(card + "[data-fact=chain] dd")).isEqualTo("Do tổ chức chứng thực được tin cậy cấp");
            assertThat(browser.text(card + "[data-fact=revocation] dd")).isEqualTo("Chưa bị thu hồi");
            assertThat(browser.text(card + ".badge")).isEqualTo("Hợp lệ");
        }
        assertThat(browser.text("#signatures [data-signature='2'] [data-fact=organisation] dd"))
                .isEqualTo("Ủy ban nhân dân phường Phan Rang");
        assertFitsAPhone();
        browser.screenshot("ket-qua-ky-so-2-kiem-tra-ho-so");
    }

    @Test
    void noDownloadAndNoErrorWhileTheDossierHasNoSignedResult() {
        Api.Filed filed = api.fileHousePermitOnline();
        browser.open("/portal/tra-cuu.html");
        browser.type("#code", filed.code()).type("#secret", filed.secret()).click("#lookup button[type='submit']");
        browser.textOnceItShows("#facts [data-fact=applicant]", "Nguyễn Văn An");
        assertThat(browser.driver().findElement(By.id("result-document")).isDisplayed())
                .isFalse();
        assertThat(browser.driver().findElement(By.id("message")).isDisplayed()).isFalse();
    }

    @Test
    void anyoneUploadsAPdfAndReadsTheVerdictInPlainWords() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "verification-uploads"));
        Path original = Files.write(dir.resolve("giay-phep.pdf"), result);
        Path changed = Files.write(dir.resolve("da-sua.pdf"), oneByteChanged(result));
        Path picture = dir.resolve("anh.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());

        browser.open("/portal/kiem-tra-chu-ky.html");
        assertThat(browser.text("h1")).isEqualTo("Kiểm tra văn bản điện tử");
        assertThat(browser.fontSize("#code")).isGreaterThanOrEqualTo(16.0);
        assertThat(browser.fontSize("#secret")).isGreaterThanOrEqualTo(16.0);
        assertFitsAPhone();

        upload(original, "TOTAL_PASSED");
        assertThat(browser.text("#verdict-title")).isEqualTo(VALID);
        assertThat(browser.driver().findElement(By.id("verdict-summary")).getDomAttribute("class"))
                .isEqualTo("verdict passed");
        assertThat(signers()).isEqualTo(SIGNERS);
        assertThat(browser.text("#signatures-title")).isEqualTo("Chữ ký số (2)");
        assertThat(browser.text("#verdict-facts [data-fact=file] dd")).isEqualTo("giay-phep.pdf");
        assertThat(browser.text("#verdict-facts [data-fact=sha256] dd")).isEqualTo(SignedDocuments.sha256(result));
        assertFitsAPhone();
        browser.screenshot("ket-qua-ky-so-3-tep-hop-le");

        upload(changed, "TOTAL_FAILED");
        assertThat(browser.text("#verdict-title")).isEqualTo("Văn bản không hợp lệ.");
        assertThat(browser.driver().findElement(By.id("verdict-summary")).getDomAttribute("class"))
                .isEqualTo("verdict failed");
        assertThat(reasons("#verdict-reasons li"))
                .containsExactly(
                        "Chữ ký của Lương Văn Nam: Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).",
                        "Chữ ký của Ủy ban nhân dân phường Phan Rang: Nội dung tệp đã bị thay đổi sau khi ký (giá trị"
                                + " băm không khớp).");
        assertThat(browser.text("#signatures [data-signature='1'] [data-fact=intact] dd"))
                .isEqualTo("Đã bị thay đổi sau khi ký");
        assertThat(browser.text("#signatures [data-signature='1'] .badge")).isEqualTo("Không hợp lệ");
        assertFitsAPhone();
        browser.screenshot("ket-qua-ky-so-4-tep-da-sua");

        browser.attach("#pdf", picture);
        assertThat(browser.textOnceItShows("#message", "không phải"))
                .isEqualTo("Tệp \"anh.png\" không phải là tệp PDF; chỉ kiểm tra được chữ ký số trên tệp PDF.");
        assertThat(browser.driver().findElement(By.id("verdict")).isDisplayed()).isFalse();
        browser.screenshot("ket-qua-ky-so-5-khong-phai-pdf");

        browser.click("#lang");
        assertThat(browser.text("h1")).isEqualTo("Verify an electronic document");
        upload(original, "TOTAL_PASSED");
        assertThat(browser.text("#verdict-title"))
                .isEqualTo("Valid document: the signatures are intact, by the signers named, with a timestamp.");
        assertThat(browser.text("#signatures [data-signature='1'] [data-fact=revocation] dd"))
                .isEqualTo("Not revoked");
        upload(changed, "TOTAL_FAILED");
        assertThat(reasons("#signatures [data-signature='1'] .reasons li"))
                .containsExactly("The file was changed after it was signed (the hash does not match).");
        browser.screenshot("ket-qua-ky-so-6-english");
    }

    /** Chooses the file and waits for the verdict with that indication. */
    private void upload(Path file, String indication) {
        browser.script("document.getElementById('verdict-summary').removeAttribute('data-indication')");
        browser.attach("#pdf", file);
        browser.until("return !document.getElementById('verdict').hidden"
                + " && document.getElementById('verdict-summary').dataset.indication === '" + indication + "'");
    }

    /** A byte of the binary comment on the file's second line: inside both signatures' byte ranges, still a PDF. */
    private static byte[] oneByteChanged(byte[] pdf) {
        byte[] changed = pdf.clone();
        int at = 5;
        while ((changed[at] & 0xFF) < 0x80) {
            at++;
        }
        assertThat(at).as("the binary comment of the header").isLessThan(32);
        changed[at] ^= 0x01;
        return changed;
    }

    private List<String> signers() {
        return reasons("#signatures .signer");
    }

    private List<String> reasons(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void assertFitsAPhone() {
        assertThat(browser.pageWidth()).as("page width").isLessThanOrEqualTo(390);
        assertThat(browser.heights("button, input:not([type=radio]):not([type=checkbox]), select, .button, summary"))
                .isNotEmpty()
                .allSatisfy((target, height) ->
                        assertThat(height).as("height of %s", target).isGreaterThanOrEqualTo(44.0));
    }

    private String resultPath() {
        return "/api/dossiers/" + permit.code() + "/result";
    }

    private static String shown(String instant) {
        return VIETNAM.format(OffsetDateTime.parse(instant).toInstant());
    }
}
