package vn.motcua.slips;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
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
import vn.motcua.signing.PdfVerifier;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.Verdict;

/**
 * The slips as issued (issue 13 §4): written once at their moment, sealed by the receiving unit where the slip's
 * receiver signs and stored in that step's transaction; downloads serve the stored bytes, the applicant's copy with
 * the secret is sealed at the download and never stored.
 */
@IntegrationTest
class SignedSlipsTests {

    static final String WARD = "Ủy ban nhân dân phường Phan Rang";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    PdfVerifier verifier;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theCounterReceiptIsSealedByTheWardAtFilingAndServedAsStoredWhileTheApplicantsCopyPrintsTheSecret()
            throws Exception {
        Api.Reply filed = atCounter("accept", "");
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        String secret = filed.text("secret");

        List<Map<String, Object>> rows = slips(code);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("kind", "RECEIPT")
                .containsEntry("revision", 1)
                .containsEntry("signers", WARD)
                .containsEntry("file_name", "giay-tiep-nhan-" + code + ".pdf");

        HttpResponse<byte[]> first = SlipsTests.slip(port, code, "giay-tiep-nhan", null, "pr.tiepnhan");
        HttpResponse<byte[]> second = SlipsTests.slip(port, code, "giay-tiep-nhan", null, "pr.tiepnhan");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).as("the same bytes each time").isEqualTo(first.body());
        String sha = SignedDocuments.sha256(first.body());
        assertThat(sha).isEqualTo(rows.get(0).get("sha256"));
        assertThat(first.headers().firstValue("X-Motcua-SHA256")).hasValue(sha);
        assertThat(first.headers().firstValue("X-Motcua-Copy")).hasValue("issued");
        sealedByTheWard(first.body());
        try (PDDocument pdf = Loader.loadPDF(first.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(SlipsTests.text(pdf))
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("Mã hồ sơ: " + code)
                    .doesNotContain(secret)
                    .contains("không in trên bản này");
            // the seal where the receiver signs: the right half of the page, below the receiver's title
            var field = pdf.getSignatureFields().get(0).getWidgets().get(0).getRectangle();
            assertThat(field.getLowerLeftX())
                    .isGreaterThan(pdf.getPage(0).getMediaBox().getWidth() / 2);
            png(pdf, "giay-tiep-nhan-da-dong-dau");
        }

        // the counter officer prints the applicant's copy at filing, with the secret the answer gave once
        HttpResponse<byte[]> copy = SlipsTests.slip(port, code, "giay-tiep-nhan", secret, "pr.tiepnhan");
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("X-Motcua-Copy")).hasValue("applicant");
        assertThat(copy.headers().firstValue("X-Motcua-SHA256")).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(copy.body())) {
            assertThat(SlipsTests.text(pdf)).contains(" " + secret + " ").contains("Mã hồ sơ: " + code);
        }
        sealedByTheWard(copy.body());
        assertThat(slips(code)).as("the copy with the secret is not stored").hasSize(1);
        // the applicant alone, with the secret, gets that copy too; the filer logged in without it gets the stored one
        assertThat(SlipsTests.slip(port, code, "giay-tiep-nhan", secret, null)
                        .headers()
                        .firstValue("X-Motcua-Copy"))
                .hasValue("applicant");
    }

    @Test
    void eachSupplementRequestIsARevisionAndTheRefusalIsSealedAtTheRefusal() throws Exception {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        String code = filed.text("code");
        String secret = filed.text("secret");
        assertThat(slips(code))
                .as("an online filing has no receipt before it is accepted")
                .isEmpty();
        HttpResponse<byte[]> early = SlipsTests.slip(port, code, "giay-tiep-nhan", secret, null);
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.headers().firstValue("X-Motcua-Copy")).isEmpty();

        decide(code, "supplement", "Bản vẽ mặt cắt công trình");
        assertThat(kinds(code)).containsExactly("SUPPLEMENT:1");
        byte[] firstRequest = stored(code, "phieu-bo-sung");
        try (PDDocument pdf = Loader.loadPDF(firstRequest)) {
            assertThat(SlipsTests.text(pdf))
                    .contains("1. Bản vẽ mặt cắt công trình")
                    .doesNotContain(secret);
        }
        sealedByTheWard(firstRequest);

        api.post("/api/dossiers/" + code + "/supplements", null, supplementFile(secret));
        decide(code, "supplement", "Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực");
        assertThat(kinds(code)).containsExactly("SUPPLEMENT:1", "SUPPLEMENT:2");
        byte[] secondRequest = stored(code, "phieu-bo-sung");
        assertThat(SignedDocuments.sha256(secondRequest))
                .isEqualTo(sql.queryForObject(
                        "select sha256 from signed_document where dossier_code = ? and kind = 'SUPPLEMENT'"
                                + " and revision = 2",
                        String.class,
                        code));
        try (PDDocument pdf = Loader.loadPDF(secondRequest)) {
            assertThat(SlipsTests.text(pdf)).contains("1. Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực");
        }
        HttpResponse<byte[]> withSecret = SlipsTests.slip(port, code, "phieu-bo-sung", secret, null);
        try (PDDocument pdf = Loader.loadPDF(withSecret.body())) {
            assertThat(SlipsTests.text(pdf)).contains(" " + secret + " ");
        }
        sealedByTheWard(withSecret.body());

        api.post("/api/dossiers/" + code + "/supplements", null, supplementFile(secret));
        decide(code, "refuse", "Thửa đất không thuộc địa bàn phường Phan Rang");
        assertThat(kinds(code)).containsExactly("REFUSAL:1", "SUPPLEMENT:1", "SUPPLEMENT:2");
        byte[] refusal = stored(code, "phieu-tu-choi");
        try (PDDocument pdf = Loader.loadPDF(refusal)) {
            assertThat(SlipsTests.text(pdf))
                    .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")
                    .contains("1. Thửa đất không thuộc địa bàn phường Phan Rang");
            png(pdf, "phieu-tu-choi-da-dong-dau");
        }
        sealedByTheWard(refusal);
        assertThat(SlipsTests.slip(port, code, "giay-tiep-nhan", secret, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAcceptanceWhoseReceiptCannotBeSealedIsRefusedWithTheReasonAndStoresNothing() {
        long dossiers = sql.queryForObject("select count(*) from dossier", Long.class);
        long documents = sql.queryForObject("select count(*) from signed_document", Long.class);
        // the ward's seal is taken away for this test (the shared application's classes run one after another)
        sql.update("update signing_certificate set holder = '000.20.43.H43-away' where holder_kind = 'ORGANISATION'"
                + " and holder = '000.20.43.H43'");
        try {
            Api.Reply refused = atCounter("accept", "");
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.text("message"))
                    .startsWith("Không thể đóng dấu giấy tiếp nhận hồ sơ và hẹn trả kết quả của hồ sơ ")
                    .contains("Chưa có chứng thư số nào được đăng ký cho cơ quan 000.20.43.H43; không thể ký.");
        } finally {
            sql.update("update signing_certificate set holder = '000.20.43.H43' where holder_kind = 'ORGANISATION'"
                    + " and holder = '000.20.43.H43-away'");
        }
        assertThat(sql.queryForObject("select count(*) from dossier", Long.class))
                .isEqualTo(dossiers);
        assertThat(sql.queryForObject("select count(*) from signed_document", Long.class))
                .isEqualTo(documents);
    }

    private void sealedByTheWard(byte[] pdf) {
        Verdict verdict = verifier.verify(pdf);
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Verdict.Indication.TOTAL_PASSED);
        assertThat(verdict.signatures()).hasSize(1);
        assertThat(verdict.signatures().get(0).signerName()).isEqualTo(WARD);
        assertThat(verdict.signatures().get(0).timestamp()).isPresent();
        assertThat(verdict.signatures().get(0).level())
                .as("a slip serves while its dossier is processed: timestamped, its revocation asked when verified")
                .isEqualTo(SignatureLevel.PAdES_BASELINE_T);
    }

    private byte[] stored(String code, String slug) throws IOException, InterruptedException {
        HttpResponse<byte[]> slip = SlipsTests.slip(port, code, slug, null, "pr.tiepnhan");
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.headers().firstValue("X-Motcua-SHA256")).hasValue(SignedDocuments.sha256(slip.body()));
        assertThat(SlipsTests.slip(port, code, slug, null, "pr.tiepnhan").body())
                .isEqualTo(slip.body());
        return slip.body();
    }

    private List<Map<String, Object>> slips(String code) {
        return sql.queryForList(
                "select kind, revision, signers, file_name, sha256 from signed_document where dossier_code = ?"
                        + " order by kind, revision",
                code);
    }

    private List<String> kinds(String code) {
        return slips(code).stream()
                .map(row -> row.get("kind") + ":" + row.get("revision"))
                .toList();
    }

    private void decide(String code, String decision, String note) {
        List<com.fasterxml.jackson.databind.JsonNode> tasks = api.tasks("pr.tiepnhan", code);
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).path("id").asText();
        api.claim("pr.tiepnhan", task);
        assertThat(api.complete("pr.tiepnhan", task, Map.of("receptionDecision", decision, "receptionNote", note))
                        .status())
                .isEqualTo(204);
    }

    private static Object supplementFile(String secret) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("secret", secret);
        parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        return parts;
    }

    private Api.Reply atCounter(String decision, String note) {
        Map<String, Object> dossier = new HashMap<>(Api.housePermitRequest("COUNTER"));
        dossier.put("receivedComponents", List.of("DON", "QSDD", "BANVE"));
        MultiValueMap<String, Object> parts = Api.multipart(dossier, Map.of());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("decision", new HttpEntity<>(Map.of("decision", decision, "note", note), json));
        return api.post("/api/counter/dossiers", "pr.tiepnhan", parts);
    }

    private static void png(PDDocument pdf, String name) throws IOException {
        Path out = Files.createDirectories(Path.of("target", "slips"));
        ImageIO.write(
                new PDFRenderer(pdf).renderImageWithDPI(0, 110),
                "png",
                out.resolve(name + ".png").toFile());
    }
}
