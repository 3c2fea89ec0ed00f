package vn.motcua.slips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/** The slips as a reviewer reads them: the text a PDF reader extracts, the codes a phone scans (domain.md §16.11). */
@IntegrationTest
class SlipsTests {

    @LocalServerPort
    int port;

    @Value("${motcua.public-url}")
    String publicUrl;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void receiptSlipCarriesEveryMandatoryFieldInVietnameseWithItsCodes() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).isEqualTo(201);
        String code = filed.text("code");
        String secret = filed.text("secret");

        HttpResponse<byte[]> slip = download(code, "giay-tiep-nhan", secret, null);
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.headers().firstValue("Content-Type")).hasValue("application/pdf");

        try (PDDocument pdf = Loader.loadPDF(slip.body())) {
            String text = text(pdf);
            assertThat(text)
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ")
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Số: ")
                    .contains("/TN-UBND(BPTNTKQ)")
                    .contains("Mã hồ sơ: " + code)
                    .contains("Đơn vị tiếp nhận: UBND phường Phan Rang – Bộ phận Một cửa")
                    .contains("Họ và tên người nộp: Nguyễn Văn An")
                    .contains("Số định danh cá nhân: 058090001234")
                    .contains("Địa chỉ: 12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận")
                    .contains("Số điện thoại: 0912345678")
                    // no e-mail given: no line for it
                    .doesNotContain("Thư điện tử")
                    .contains("Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ")
                    .contains("Thành phần hồ sơ đã nộp:")
                    .contains("Bản sao giấy tờ chứng minh quyền sử dụng đất — bản điện tử: qsdd.pdf")
                    .contains("Số lượng hồ sơ: 01 (bộ)")
                    .contains("Thời gian giải quyết hồ sơ theo quy định: 15 ngày làm việc")
                    .containsPattern("Thời gian nhận hồ sơ: \\d{2} giờ \\d{2} phút, ngày \\d{2}/\\d{2}/\\d{4}")
                    .containsPattern("\\(hẹn trả\\): \\d{2} giờ \\d{2} phút, ngày \\d{2}/\\d{2}/\\d{4}")
                    .contains("Nơi nhận kết quả:")
                    .contains("Phí, lệ phí và hình thức thu: Lệ phí 75.000 đồng/giấy phép")
                    .containsPattern("Quyển số \\d{4}/1\\.009994\\.H43, Số thứ tự \\d+")
                    .contains(secret)
                    .contains("trên giấy này: https://dichvucong.ninhthuan.test/portal/tra-cuu.html?ma=" + code + " ")
                    .contains("NGƯỜI NỘP HỒ SƠ")
                    .contains("NGƯỜI TIẾP NHẬN HỒ SƠ");
            assertThat(fontsOf(pdf))
                    .allSatisfy(font ->
                            assertThat(font.isEmbedded()).as(font.getName()).isTrue());

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(page, "png", new java.io.File("target/screenshots/slip-giay-tiep-nhan.png"));
            assertThat(decode(page, BarcodeFormat.QR_CODE).getText())
                    .isEqualTo(publicUrl + "/portal/tra-cuu.html?ma=" + code);
            assertThat(decode(page, BarcodeFormat.CODE_128).getText()).isEqualTo(code);
        }
    }

    @Test
    void slipsAreForTheApplicantWithTheSecretAndForOfficials() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");

        assertThat(download(code, "giay-tiep-nhan", null, null).statusCode()).isEqualTo(403);
        assertThat(download(code, "giay-tiep-nhan", "sai-ma", null).statusCode())
                .isEqualTo(403);
        assertThat(download(code, "giay-tiep-nhan", null, "congdan2").statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> official = download(code, "giay-tiep-nhan", null, "pr.tiepnhan");
        assertThat(official.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(official.body())) {
            assertThat(text(pdf)).doesNotContain(filed.text("secret")).contains("Mã hồ sơ: " + code);
        }
        assertThat(download(code, "phieu-tu-choi", filed.text("secret"), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void supplementAndRefusalSlipsListTheOfficialsItemsAndReasons() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");
        String secret = filed.text("secret");
        decide(
                code,
                "supplement",
                "Bản vẽ mặt cắt công trình; Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực");

        try (PDDocument pdf =
                Loader.loadPDF(download(code, "phieu-bo-sung", secret, null).body())) {
            assertThat(text(pdf))
                    .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
                    .contains("/PBS-UBND(BPTNTKQ)")
                    .contains("Họ và tên người nộp: Nguyễn Văn An")
                    .contains("Địa chỉ: 12 Thống Nhất")
                    .contains("Số điện thoại: 0912345678")
                    .contains("Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng mới")
                    .contains("1. Bản vẽ mặt cắt công trình")
                    .contains("2. Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực")
                    .contains("Lý do:")
                    .contains("Người hướng dẫn: Ngô Thị Lan")
                    .contains("NGƯỜI HƯỚNG DẪN");
        }

        api.post("/api/dossiers/" + code + "/supplements", null, supplementFile(secret));
        decide(code, "refuse", "Thửa đất không thuộc địa bàn phường Phan Rang");
        try (PDDocument pdf =
                Loader.loadPDF(download(code, "phieu-tu-choi", secret, null).body())) {
            assertThat(text(pdf))
                    .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")
                    .contains("/PTC-UBND(BPTNTKQ)")
                    .contains("Đơn vị tiếp nhận: UBND phường Phan Rang")
                    .contains("Số định danh cá nhân: 058090001234")
                    .contains("Mã hồ sơ: " + code)
                    .contains("1. Thửa đất không thuộc địa bàn phường Phan Rang")
                    .contains("NGƯỜI NỘP HỒ SƠ")
                    .contains("NGƯỜI TIẾP NHẬN HỒ SƠ");
        }
        assertThat(download(code, "giay-tiep-nhan", secret, null).statusCode()).isEqualTo(404);
    }

    private void decide(String code, String decision, String note) {
        List<JsonNode> tasks = api.tasks("pr.tiepnhan", code);
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).path("id").asText();
        api.claim("pr.tiepnhan", task);
        assertThat(api.complete("pr.tiepnhan", task, Map.of("receptionDecision", decision, "receptionNote", note))
                        .status())
                .isEqualTo(204);
    }

    private static Object supplementFile(String secret) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts =
                new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("secret", secret);
        parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        return parts;
    }

    private HttpResponse<byte[]> download(String code, String kind, String secret, String user)
            throws IOException, InterruptedException {
        return slip(port, code, kind, secret, user);
    }

    /** GET a slip as it comes, with the secret in its header and a login, either or both or none. */
    static HttpResponse<byte[]> slip(int port, String code, String kind, String secret, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/dossiers/" + code + "/slips/" + kind));
        if (secret != null) {
            request.header("X-Motcua-Secret", secret);
        }
        if (user != null) {
            request.header("Authorization", Api.basic(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(PDDocument pdf) throws IOException {
        String text = new PDFTextStripper().getText(pdf);
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }

    private static List<PDFont> fontsOf(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new java.util.ArrayList<>();
        for (var name : pdf.getPage(0).getResources().getFontNames()) {
            fonts.add(pdf.getPage(0).getResources().getFont(name));
        }
        assertThat(fonts).isNotEmpty();
        return fonts;
    }

    static Result decode(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        return new MultiFormatReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.TRY_HARDER, true));
    }
}
