package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.portal.PortalJourney;

/**
 * Citizens in Keycloak mode: the portal's public parts need no token, filing does; a citizen logs in on Keycloak's
 * Vietnamese login page, or through the emulated national e-ID (VNeID, a second realm of the same Keycloak), files
 * the house permit, downloads the slip and tracks the dossier. Headless Debian Chromium; screenshots in
 * target/screenshots.
 */
@KeycloakTest
class PortalKeycloakTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    WebDriver driver;
    Api api;
    Api anonymous;

    @BeforeEach
    void open() {
        KeycloakServer keycloak = KeycloakServer.get();
        api = new Api(port, user -> "Bearer " + keycloak.token(user));
        anonymous = new Api(port);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void formsCalendarSlipTrackingAndCatalogueArePublicButFilingNeedsALogin() {
        assertThat(anonymous.get("/api/portal/config").text("mode")).isEqualTo("keycloak");
        assertThat(anonymous
                        .get("/api/portal/config")
                        .body()
                        .path("keycloak")
                        .path("clientId")
                        .asText())
                .isEqualTo("motcua-portal");
        assertThat(anonymous.get("/api/procedures?q=xây dựng").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/procedures/1.009994.H43").status()).isEqualTo(200);
        Api.Reply form = anonymous.get(
                "/api/forms/" + anonymous.get("/api/procedures/1.009994.H43").text("startForm"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(anonymous
                        .get("/api/calendar/deadline?procedure=1.009994.H43&start=2026-03-02T09:00")
                        .status())
                .isEqualTo(200);

        Api.Reply unauthenticated =
                anonymous.fileDossier(null, Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(unauthenticated.status()).isEqualTo(401);

        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        String secret = filed.text("secret");
        Api.Reply slip = anonymous.getWithSecret("/api/dossiers/" + code + "/slips/giay-tiep-nhan", secret);
        assertThat(slip.status()).isEqualTo(200);
        assertThat(anonymous
                        .getWithSecret("/api/dossiers/" + code + "/slips/giay-tiep-nhan", "wrong")
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/tracking/" + code).text("statusLabel")).isEqualTo("Mới đăng ký");
    }

    @Test
    void aCitizenVouchedForByVneidFilesAsThatPersonWhateverTheRequestSays() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        Map<String, Object> applicant = new HashMap<>(Api.houseApplicant());
        applicant.put("name", "Người Khác");
        applicant.put("idNumber", "001099000001");
        request.put("applicant", applicant);
        Api.Reply filed = api.fileDossier(KeycloakServer.VERIFIED_CITIZEN, Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);

        Map<String, Object> stored = sql.queryForMap(
                "select applicant_name, applicant_id_number, applicant_address, filed_by from dossier where code = ?",
                filed.text("code"));
        assertThat(stored)
                .containsEntry("applicant_name", KeycloakServer.VERIFIED_NAME)
                .containsEntry("applicant_id_number", KeycloakServer.VERIFIED_ID)
                .containsEntry("applicant_address", "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận")
                .containsEntry("filed_by", KeycloakServer.VERIFIED_CITIZEN);
    }

    @Test
    void citizenLogsInOnKeycloaksVietnamesePageFilesDownloadsTheSlipAndTracks() throws Exception {
        PortalJourney journey = new PortalJourney(browser(), "http://localhost:" + port);
        journey.openCatalogue().screenshot("kc-1-danh-muc");
        journey.openHousePermit();
        String loginPage = journey.loginAsCitizen("congdan", Api.PASSWORD);
        assertThat(loginPage).contains("Đăng nhập vào tài khoản của bạn");
        assertThat(journey.loggedInAs()).isEqualTo("Nguyễn Văn An");
        journey.openFiling();
        assertThat(driver.findElements(org.openqa.selenium.By.id("password"))).isEmpty();
        assertThat(journey.applicantFields())
                .isEqualTo(new PortalJourney.ApplicantFields("Nguyễn Văn An", "", true, true));
        journey.screenshot("kc-2-nop-ho-so");
        String code = journey.fileHousePermit();
        assertThat(journey.confirmation()).contains("Hồ sơ đã được gửi thành công");
        journey.screenshot("kc-3-xac-nhan");
        try (PDDocument pdf = Loader.loadPDF(journey.downloadSlip())) {
            assertThat(text(pdf))
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("Mã hồ sơ: " + code)
                    .contains(journey.secret());
        }
        assertThat(journey.track(code)).isEqualTo("Mới đăng ký");
        assertThat(journey.currentStep()).isEqualTo("Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        assertThat(journey.plainSteps()).containsExactly("Chờ tiếp nhận", "Xử lý hồ sơ", "Có kết quả", "Trả kết quả");
        journey.screenshot("kc-4-tra-cuu");
        assertThat(sql.queryForObject("select filed_by from dossier where code = ?", String.class, code))
                .isEqualTo("congdan");
    }

    @Test
    void firstVneidLoginCreatesTheCitizenWithTheNumberAndTheFormTakesNameAndNumberFromIt() throws Exception {
        String personalId = "058190004321";
        PortalJourney journey = new PortalJourney(browser(), "http://localhost:" + port);
        journey.openCatalogue().openHousePermit();
        String loginPage = journey.loginThroughVneid(personalId, Api.PASSWORD);
        assertThat(loginPage).contains("Đăng nhập vào tài khoản của bạn");
        assertThat(journey.loggedInAs()).isEqualTo("Trần Thị Bình");
        journey.openFiling();
        assertThat(journey.applicantFields())
                .isEqualTo(new PortalJourney.ApplicantFields("Trần Thị Bình", personalId, false, false));
        journey.screenshot("kc-5-vneid-nop-ho-so");
        String code = journey.fileHousePermit();
        Map<String, Object> stored = sql.queryForMap(
                "select applicant_name, applicant_id_number, filed_by from dossier where code = ?", code);
        assertThat(stored)
                .containsEntry("applicant_name", "Trần Thị Bình")
                .containsEntry("applicant_id_number", personalId)
                .containsEntry("filed_by", personalId);
        assertThat(journey.myDossiers(code))
                .contains(code)
                .contains(PortalJourney.HOUSE_PERMIT)
                .contains("Mới đăng ký");
        journey.screenshot("kc-6-ho-so-cua-toi");
    }

    private WebDriver browser() {
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        return driver;
    }

    private static String text(PDDocument pdf) throws Exception {
        return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC)
                .replaceAll("\\s+", " ");
    }
}
