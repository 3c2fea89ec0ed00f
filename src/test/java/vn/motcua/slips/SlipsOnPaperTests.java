package vn.motcua.slips;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The slips printed for the longest dossier the validation lets through (every limit of the applicant's fields at its
 * maximum, all four components of the house permit under 255-character file names, officials' notes at 2,000
 * characters): one A4 page each, the QR code to the configured public address, a secret a person can read and type
 * back, and a supplement request a walk-in applicant can act on with nothing else in hand. Each slip is left as a PNG
 * in {@code target/slips} for a reviewer.
 */
@IntegrationTest
class SlipsOnPaperTests {

    /** The test profile's motcua.public-url (application-it.yaml): not the server's own address. */
    static final String PUBLIC_URL = "https://dichvucong.ninhthuan.test";

    static final String SECRET_PATTERN =
            "[ACDEFHJKMNPRTWXY34679]{4}-[ACDEFHJKMNPRTWXY34679]{4}-[ACDEFHJKMNPRTWXY34679]{4}";

    static final String NAME = longest("Nguyễn Thị Ánh Hồng ", 255);
    static final String ADDRESS =
            longest("Số 125 đường Thống Nhất, khu phố 3, phường Phan Rang, tỉnh Ninh Thuận; ", 500);
    static final String PHONE = "+84 259 3822 888 123";
    static final String EMAIL =
            longest("nguyen.thi.anh.hong.", 255 - "@ninhthuan.gov.vn".length()) + "@ninhthuan.gov.vn";
    static final String SUMMARY =
            longest("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ ba tầng tại phường Phan Rang, ", 1000);
    static final String NOTE_FILLER =
            longest("Bổ sung bản vẽ chi tiết các tầng theo đúng tỷ lệ và có chữ ký của chủ đầu tư, ", 1800);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theReceiptOfTheLongestOnlineDossierIsOnePageWithItsQrToThePublicAddressAndAReadableSecret() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", longestDossier("ONLINE"));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        String secret = filed.text("secret");
        assertThat(secret).matches(SECRET_PATTERN);

        byte[] slip = download(code, "giay-tiep-nhan", secret, null);
        try (PDDocument pdf = Loader.loadPDF(slip)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = SlipsTests.text(pdf);
            assertThat(text)
                    .contains("Họ và tên người nộp: " + NAME)
                    .contains("Địa chỉ: " + ADDRESS)
                    .doesNotContain("(nếu có)")
                    .containsPattern("Số: \\d{4}/TN-UBND\\(BPTNTKQ\\)")
                    .doesNotContain("TTPVHCC")
                    .doesNotContain("localhost")
                    .contains("hoặc quét mã QR trên giấy này: " + PUBLIC_URL + "/portal/tra-cuu.html?ma=" + code + " ")
                    .contains(" " + secret + " ")
                    .contains("NGƯỜI NỘP HỒ SƠ " + "NGƯỜI TIẾP NHẬN HỒ SƠ");
            // a word longer than the line (the e-mail, the file names) is cut where the line ends
            assertThat(text.replace(" ", ""))
                    .contains("Thưđiệntử:" + EMAIL)
                    .contains("4.Bảncamkếtbảođảmantoànđốivớicôngtrìnhliềnkề—bảnđiệntử:" + fileName("CAMKET"));
            assertThat(fontOf(pdf, secret)).endsWith("+DejaVuSansMono-Bold");
            BufferedImage page = png(pdf, "giay-tiep-nhan");
            assertThat(SlipsTests.decode(page, BarcodeFormat.QR_CODE).getText())
                    .isEqualTo(PUBLIC_URL + "/portal/tra-cuu.html?ma=" + code);
        }
        assertThat(api.get("/api/procedures/1.009994.H43")
                        .body()
                        .path("components")
                        .get(3)
                        .path("name")
                        .asText())
                .isEqualTo("Bản cam kết bảo đảm an toàn đối với công trình liền kề");
    }

    @Test
    void theSecretIsTakenBackWithOrWithoutItsDashesInEitherCaseAndAnOlderSecretAsItWasIssued() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");
        String secret = filed.text("secret");
        assertThat(secret).matches(SECRET_PATTERN);
        String bare = secret.replace("-", "");
        for (String typed : List.of(secret, bare, bare.toLowerCase(Locale.ROOT), secret.replace("-", " "))) {
            HttpResponse<byte[]> slip = send(code, "giay-tiep-nhan", typed, null);
            assertThat(slip.statusCode()).as(typed).isEqualTo(200);
            try (PDDocument pdf = Loader.loadPDF(slip.body())) {
                // printed grouped however it was typed
                assertThat(SlipsTests.text(pdf)).as(typed).contains(" " + secret + " ");
            }
            Api.Reply tracked = api.getWithSecret("/api/tracking/" + code, typed);
            assertThat(tracked.status()).as(typed).isEqualTo(200);
            assertThat(tracked.body().path("applicantDetails").path("name").asText())
                    .isEqualTo("Nguyễn Văn An");
        }
        assertThat(send(code, "giay-tiep-nhan", bare.substring(1), null).statusCode())
                .isEqualTo(403);

        // a secret issued before the grouped alphabet (base64url, case-sensitive) is stored as the hash of itself
        sql.update("update dossier set secret_hash = ? where code = ?", sha256("IPZ1Yk6EMLIq"), code);
        HttpResponse<byte[]> old = send(code, "giay-tiep-nhan", "IPZ1Yk6EMLIq", null);
        assertThat(old.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(old.body())) {
            assertThat(SlipsTests.text(pdf)).contains(" IPZ1Yk6EMLIq ");
        }
        assertThat(send(code, "giay-tiep-nhan", "ipz1yk6emliq", null).statusCode())
                .isEqualTo(403);
        assertThat(send(code, "giay-tiep-nhan", secret, null).statusCode()).isEqualTo(403);
    }

    @Test
    void aDossierStoredBeforeTheTextRulesWithAnEmojiInItsNameStillPrintsItsSlip() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");
        // as an older version stored it: the filing rules refuse these characters today
        sql.update(
                "update dossier set applicant_name = ?, applicant_address = ? where code = ?",
                "Nguyễn Văn An \uD83D\uDE00",
                "12 Thống Nhất 中 phường Phan Rang",
                code);

        HttpResponse<byte[]> slip = send(code, "giay-tiep-nhan", filed.text("secret"), null);
        assertThat(slip.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(slip.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(SlipsTests.text(pdf))
                    .contains("Họ và tên người nộp: Nguyễn Văn An ?")
                    .contains("Địa chỉ: 12 Thống Nhất ? phường Phan Rang");
        }
    }

    @Test
    void aWalkInAskedToSupplementAtTheCounterCanSupplementOnlineWithTheSlipAlone() throws Exception {
        Api.Reply counter = atCounter(
                "supplement",
                "Bản vẽ mặt cắt công trình; Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực; " + NOTE_FILLER);
        assertThat(counter.status()).as(counter.body().toString()).isEqualTo(201);
        assertThat(counter.text("slip")).isEqualTo("phieu-bo-sung");
        String code = counter.text("code");
        String secret = counter.text("secret");
        assertThat(secret).matches(SECRET_PATTERN);

        // what the counter prints for the applicant standing there (the page sends the secret it was given)
        String link = PUBLIC_URL + "/portal/tra-cuu.html?ma=" + code;
        try (PDDocument pdf = Loader.loadPDF(download(code, "phieu-bo-sung", secret, "pr.tiepnhan"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = SlipsTests.text(pdf);
            assertThat(text)
                    .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
                    .containsPattern("Số: \\d{4}/PBS-UBND\\(BPTNTKQ\\)")
                    .contains("Mã hồ sơ: " + code)
                    .contains("1. Bản vẽ mặt cắt công trình 2. Bản sao giấy chứng nhận quyền sử dụng đất có chứng"
                            + " thực 3. " + NOTE_FILLER.strip())
                    .contains("Bổ sung trực tuyến: quét mã QR trên phiếu này hoặc mở địa chỉ dưới đây, nhập mã bí"
                            + " mật rồi tải lên các giấy tờ trên; hoặc nộp trực tiếp tại UBND phường Phan Rang – Bộ"
                            + " phận Một cửa. " + link + " ")
                    .contains("Mã bí mật để bổ sung trực tuyến (giữ kín, không cần gõ dấu gạch): " + secret + " ")
                    .contains("Người hướng dẫn: Ngô Thị Lan")
                    .doesNotContain("số điện thoại liên hệ")
                    .doesNotContain("giả định")
                    .doesNotContain("(không ghi)")
                    .doesNotContain("null");
            BufferedImage page = png(pdf, "phieu-bo-sung");
            assertThat(SlipsTests.decode(page, BarcodeFormat.QR_CODE).getText()).isEqualTo(link);
        }

        // an official who downloads it later gets no secret, and the words that send the applicant to theirs
        try (PDDocument pdf = Loader.loadPDF(download(code, "phieu-bo-sung", null, "pr.tiepnhan"))) {
            assertThat(SlipsTests.text(pdf))
                    .doesNotContain(secret)
                    .doesNotContain(secret.replace("-", ""))
                    .contains("Mã bí mật: in trên bản phiếu này giao cho Ông/Bà khi nộp hồ sơ (bản lưu của cơ quan"
                            + " không in mã).");
        }

        // the applicant, with the slip alone: the secret as read from it, typed without dashes
        MultiValueMap<String, Object> supplement = new LinkedMultiValueMap<>();
        supplement.add("secret", secret.replace("-", "").toLowerCase(Locale.ROOT));
        supplement.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        assertThat(api.post("/api/dossiers/" + code + "/supplements", null, supplement)
                        .status())
                .isEqualTo(202);
    }

    @Test
    void theRefusalOfTheLongestDossierIsOnePage() throws Exception {
        Api.Reply counter = atCounter("refuse", longest("Thửa đất không thuộc địa bàn phường Phan Rang; ", 2000));
        assertThat(counter.status()).as(counter.body().toString()).isEqualTo(201);
        String code = counter.text("code");
        try (PDDocument pdf = Loader.loadPDF(download(code, "phieu-tu-choi", counter.text("secret"), null))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(SlipsTests.text(pdf))
                    .containsPattern("Số: \\d{4}/PTC-UBND\\(BPTNTKQ\\)")
                    .contains("Họ và tên người nộp: " + NAME)
                    .contains("NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ");
            BufferedImage page = png(pdf, "phieu-tu-choi");
            assertThat(SlipsTests.decode(page, BarcodeFormat.QR_CODE).getText())
                    .isEqualTo(PUBLIC_URL + "/portal/tra-cuu.html?ma=" + code);
        }
    }

    private Api.Reply atCounter(String decision, String note) {
        MultiValueMap<String, Object> parts = longestDossier("COUNTER");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("decision", new HttpEntity<>(Map.of("decision", decision, "note", note), json));
        return api.post("/api/counter/dossiers", "pr.tiepnhan", parts);
    }

    private static MultiValueMap<String, Object> longestDossier(String channel) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("kind", "PERSON");
        applicant.put("name", NAME);
        applicant.put("idNumber", "058090001234");
        applicant.put("address", ADDRESS);
        applicant.put("phone", PHONE);
        applicant.put("email", EMAIL);
        Map<String, Object> dossier = new HashMap<>(Api.housePermitRequest(channel));
        dossier.put("applicant", applicant);
        dossier.put("summary", SUMMARY);
        if (!"ONLINE".equals(channel)) {
            dossier.put("receivedComponents", List.of("DON", "QSDD", "BANVE", "CAMKET"));
        }
        MultiValueMap<String, Object> parts = Api.multipart(dossier, Map.of());
        for (String component : List.of("DON", "QSDD", "BANVE", "CAMKET")) {
            parts.add(component, Api.file(fileName(component), Api.PDF));
        }
        return parts;
    }

    /** A file name of 255 characters, the most a file name may have. */
    private static String fileName(String component) {
        return longest("ho-so-xin-phep-xay-dung-nha-o-rieng-le-" + component.toLowerCase(Locale.ROOT) + "-", 251)
                + ".pdf";
    }

    /** The phrase repeated up to exactly {@code length} characters, not ending in a space. */
    static String longest(String phrase, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(phrase);
        }
        text.setLength(length);
        if (text.charAt(length - 1) == ' ') {
            text.setCharAt(length - 1, 'a');
        }
        return text.toString();
    }

    private static BufferedImage png(PDDocument pdf, String kind) throws IOException {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
        Files.createDirectories(Path.of("target/slips"));
        ImageIO.write(page, "png", new File("target/slips/" + kind + ".png"));
        return page;
    }

    /** The font the given text is shown in (its first character). */
    private static String fontOf(PDDocument pdf, String text) throws IOException {
        List<String> fonts = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                int at = string.indexOf(text);
                if (at >= 0 && at < positions.size()) {
                    fonts.add(positions.get(at).getFont().getName());
                }
                shown.append(string);
            }
        };
        stripper.getText(pdf);
        assertThat(fonts).as(shown.toString()).isNotEmpty();
        return fonts.get(0);
    }

    private byte[] download(String code, String kind, String secret, String user)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> slip = send(code, kind, secret, user);
        assertThat(slip.statusCode())
                .as(new String(slip.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return slip.body();
    }

    private HttpResponse<byte[]> send(String code, String kind, String secret, String user)
            throws IOException, InterruptedException {
        return SlipsTests.slip(port, code, kind, secret, user);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
