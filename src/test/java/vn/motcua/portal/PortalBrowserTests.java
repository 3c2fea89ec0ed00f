package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The public pages and the counter page in headless Chromium, as citizens and officers use them. Screenshots of every
 * main page go to target/screenshots/portal for a reviewer.
 */
@IntegrationTest
class PortalBrowserTests {

    static final String HOUSE_PERMIT = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ";

    static Browser browser;
    static Path files;

    @LocalServerPort
    int port;

    @Value("${motcua.public-url}")
    String publicUrl;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void files() throws Exception {
        files = Files.createDirectories(Path.of("target/browser-files"));
        Files.write(files.resolve("don-de-nghi.pdf"), Api.PDF);
        Files.write(files.resolve("quyen-su-dung-dat.pdf"), Api.PDF);
        Files.write(files.resolve("ban-ve.pdf"), Api.PDF);
        Files.writeString(files.resolve("ghi-chu.txt"), "không phải tệp hồ sơ");
        Files.writeString(files.resolve("gia-mao.pdf"), "đây là văn bản, không phải PDF");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(Api.PDF, 0, big, 0, Api.PDF.length);
        Files.write(files.resolve("qua-lon.pdf"), big);
    }

    @BeforeEach
    void start() {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void citizenFindsAProcedureFilesOnlineDownloadsTheSlipAndTracksItFromTheQrCode() throws Exception {
        browser.loginAs("congdan", "demo");
        browser.open("/portal/index.html").type("#q", "xây dựng").click("#search button");
        browser.textOnceItShows("#results", HOUSE_PERMIT);
        browser.screenshot("1-danh-muc-thu-tuc");
        browser.clickLink(HOUSE_PERMIT);

        assertThat(browser.textOnceItShows("#details", "Thành phần hồ sơ"))
                .contains("15 ngày làm việc")
                .contains("Lệ phí 75.000 đồng/giấy phép")
                .contains("Bản vẽ thiết kế xây dựng");
        browser.screenshot("2-thu-tuc");
        browser.click("#file-online");

        fillOnlineFiling();
        browser.screenshot("3-nop-ho-so");
        browser.click("#submit");

        String code = browser.textOnceItShows("#code", "H43");
        String secret = browser.text("#secret");
        assertThat(browser.text("#confirmation")).contains("Hồ sơ đã được gửi thành công");
        browser.screenshot("4-xac-nhan");

        assertThat(browser.attribute("#slip", "href")).doesNotContain("secret");
        byte[] slip = browser.downloadedBy("#slip");
        String qr;
        try (PDDocument pdf = Loader.loadPDF(slip)) {
            assertThat(text(pdf))
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("Mã hồ sơ: " + code)
                    .contains(secret);
            qr = new MultiFormatReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(
                                    new BufferedImageLuminanceSource(new PDFRenderer(pdf).renderImageWithDPI(0, 200)))),
                            Map.of(
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.QR_CODE),
                                    DecodeHintType.TRY_HARDER,
                                    true))
                    .getText();
        }
        assertThat(qr).isEqualTo(publicUrl + "/portal/tra-cuu.html?ma=" + code);

        // the QR code read by someone else's phone: no login, so nothing personal without the secret
        browser.forgetCookies().open(qr.substring(publicUrl.length()));
        assertThat(browser.textOnceItShows("#status", "Mới đăng ký")).isNotBlank();
        assertThat(browser.text("#current-step")).isEqualTo("Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        browser.click("#diagram-toggle");
        assertThat(browser.attribute("#diagram .djs-element.current-step", "data-element-id"))
                .isEqualTo("Task_CheckDossier");
        assertThat(browser.text("#facts")).contains("N. V. A.").doesNotContain("058090001234");
        browser.screenshot("5-tra-cuu");

        browser.type("#code", code).type("#secret", secret).click("#lookup button");
        assertThat(browser.textOnceItShows("#facts", "058090001234")).contains("Nguyễn Văn An");
    }

    @Test
    void wrongInputsShowClearVietnameseMessagesAndStoreNothing() {
        browser.loginAs("congdan", "demo");
        int dossiers = dossierCount();
        browser.open("/portal/nop-ho-so.html?ma=1.009994.H43");
        fillApplicant();
        attachAll();
        browser.click("#submit");
        assertThat(browser.textOnceItShows("#message", "Vui lòng điền đủ các trường bắt buộc"))
                .contains("Hồ sơ chưa được gửi");
        browser.screenshot("6-loi-thieu-truong");

        fillHouseForm();
        browser.attach("#file-CAMKET", files.resolve("qua-lon.pdf")).click("#submit");
        assertThat(browser.textOnceItShows("#message", "vượt quá 10 MB")).contains("qua-lon.pdf");

        browser.open("/portal/nop-ho-so.html?ma=1.009994.H43");
        fillApplicant();
        fillHouseForm();
        attachAll();
        browser.attach("#file-CAMKET", files.resolve("ghi-chu.txt")).click("#submit");
        assertThat(browser.textOnceItShows("#message", "không đúng loại")).contains("PDF, JPEG hoặc PNG");

        browser.open("/portal/nop-ho-so.html?ma=1.009994.H43");
        fillApplicant();
        fillHouseForm();
        attachAll();
        browser.attach("#file-CAMKET", files.resolve("gia-mao.pdf")).click("#submit");
        assertThat(browser.textOnceItShows("#message", "không phải PDF, JPEG hoặc PNG"))
                .contains("Hồ sơ chưa hợp lệ");
        browser.screenshot("7-loi-sai-loai-tep");
        assertThat(dossierCount()).isEqualTo(dossiers);

        browser.open("/portal/tra-cuu.html").type("#code", "000.20.43.H43-260101-9999");
        browser.click("#lookup button");
        assertThat(browser.textOnceItShows("#message", "Không tìm thấy hồ sơ")).contains("000.20.43.H43-260101-9999");

        String code = new Api(port)
                .fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()))
                .text("code");
        browser.type("#code", code).type("#secret", "sai-ma-bi-mat").click("#lookup button");
        browser.textOnceItShows("#message", "Mã bí mật không đúng");
        browser.screenshot("8-loi-sai-ma-bi-mat");

        browser.type("#secret", "");
        String message = "";
        for (int attempt = 0; attempt < 12 && !message.contains("quá nhiều lần"); attempt++) {
            String unknown = "000.20.43.H43-260101-" + (9000 + attempt);
            browser.type("#code", unknown).click("#lookup button");
            message = browser.textOnceItShowsAny("#message", unknown, "quá nhiều lần");
        }
        assertThat(message).contains("Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau");
        browser.screenshot("9-loi-tra-cuu-qua-nhieu");
    }

    @AfterEach
    void forgetMisses() {
        // the misses above would slow every later lookup from this machine for the rest of the window
        ReflectionTestUtils.invokeMethod(context.getBean("lookupLimits"), "clear");
    }

    @Test
    void counterOfficerAcceptsRequestsASupplementOrRefusesEachWithItsSlip() throws Exception {
        browser.loginAs("pr.tiepnhan", "demo");
        String accepted = counter("accept", List.of("DON", "QSDD", "BANVE"), null);
        browser.screenshot("10-quay-tiep-nhan");
        // accepted, the dossier goes straight on to the handling department
        assertThat(browser.text("#result-status")).isEqualTo("Đang xử lý");
        assertThat(slipText())
                .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains(accepted);

        counterForm(List.of("DON", "QSDD"));
        browser.click("#check");
        assertThat(browser.textOnceItShows("#completeness", "còn thiếu 1 thành phần"))
                .isNotBlank();
        assertThat(browser.attribute("#note", "value")).contains("Bản vẽ thiết kế xây dựng");
        browser.screenshot("11-quay-kiem-tra-day-du");
        browser.click("#submit");
        String supplemented = browser.textOnceItShows("#result-code", "H43");
        String secret = browser.text("#result-secret");
        assertThat(browser.text("#result-status")).isEqualTo("Yêu cầu bổ sung giấy tờ");
        assertThat(slipText())
                .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
                .contains("1. Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)");
        browser.screenshot("12-quay-yeu-cau-bo-sung");

        String refused = counter("refuse", List.of("DON", "QSDD", "BANVE"), "Thửa đất không thuộc địa bàn phường");
        assertThat(browser.text("#result-status")).isEqualTo("Không được tiếp nhận");
        assertThat(slipText())
                .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")
                .contains(refused)
                .contains("1. Thửa đất không thuộc địa bàn phường");
        browser.screenshot("13-quay-tu-choi");

        browser.open("/portal/tra-cuu.html").type("#code", supplemented).type("#secret", secret);
        browser.click("#lookup button");
        browser.textOnceItShows("#status", "Yêu cầu bổ sung giấy tờ");
        browser.type("#supplement-component", "BANVE").attach("#supplement-file", files.resolve("ban-ve.pdf"));
        browser.screenshot("14-bo-sung-truc-tuyen");
        browser.click("#supplement button");
        assertThat(browser.textOnceItShows("#message", "Đã nhận hồ sơ bổ sung")).isNotBlank();
        browser.textOnceItShows("#current-step", "Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        browser.click("#diagram-toggle");
        assertThat(browser.attribute("#diagram .djs-element.current-step", "data-element-id"))
                .isEqualTo("Task_CheckDossier");
        browser.screenshot("15-sau-bo-sung");
    }

    private String counter(String decision, List<String> paper, String note) {
        counterForm(paper);
        browser.click("input[name=decision][value=" + decision + "]");
        if (note != null) {
            browser.type("#note", note);
        }
        browser.click("#submit");
        return browser.textOnceItShows("#result-code", "H43");
    }

    private void counterForm(List<String> paper) {
        browser.open("/portal/quay.html?ma=1.009994.H43");
        fillApplicant();
        fillHouseForm();
        paper.forEach(component -> browser.click("#paper-" + component));
    }

    private void fillOnlineFiling() {
        fillApplicant();
        fillHouseForm();
        attachAll();
    }

    private void fillApplicant() {
        browser.type("#applicant-name", "Nguyễn Văn An")
                .type("#applicant-id", "058090001234")
                .type("#applicant-address", "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận")
                .type("#applicant-phone", "0912345678")
                .type("#applicant-email", "an.nguyen@example.vn");
    }

    private void fillHouseForm() {
        browser.formField("Địa điểm xây dựng", "Thửa 125, tờ bản đồ 7, phường Phan Rang")
                .formField("Thửa đất số", "Thửa 125, tờ 7")
                .formField("Tổng diện tích sàn", "180")
                .formField("Số tầng", "3");
    }

    private void attachAll() {
        browser.attach("#file-DON", files.resolve("don-de-nghi.pdf"))
                .attach("#file-QSDD", files.resolve("quyen-su-dung-dat.pdf"))
                .attach("#file-BANVE", files.resolve("ban-ve.pdf"));
    }

    private String slipText() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(browser.downloadedBy("#result-slip"))) {
            return text(pdf);
        }
    }

    private int dossierCount() {
        return sql.queryForObject("select count(*) from dossier", Integer.class);
    }

    private static String text(PDDocument pdf) throws Exception {
        return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC)
                .replaceAll("\\s+", " ");
    }
}
