package vn.motcua.slips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.signing.SignedDocuments;

/**
 * A house permit walks its model with both signatures: the chairman signs at his step, the records clerk's number and
 * the ward's seal follow at the issuing step; the applicant downloads the stored result and anyone can verify it.
 */
@IntegrationTest
class SignedResultTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theHousePermitIsSignedByTheChairmanThenSealedByTheWardAndVerifiesAsPassed() throws IOException {
        Api.Filed filed = api.fileHousePermitOnline();
        String code = filed.code();
        api.walkToTheLeader(
                code, Map.of("appraisalOutcome", "approve", "appraisalNote", "Đủ điều kiện cấp phép theo quy hoạch."));

        assertThat(api.getWithSecret("/api/dossiers/" + code + "/result", filed.secret())
                        .status())
                .as("no result before the leader signs")
                .isEqualTo(404);
        api.completeTask("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        assertThat(revisions(code)).containsExactly(1);
        assertThat(api.getWithSecret("/api/dossiers/" + code + "/result", filed.secret())
                        .status())
                .as("the leader's signature alone is not an issued result")
                .isEqualTo(404);

        api.completeTask("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "125/GPXD-UBND"));
        assertThat(revisions(code)).containsExactly(1, 2);

        ResponseEntity<byte[]> first = api.downloadWithSecret("/api/dossiers/" + code + "/result", filed.secret());
        byte[] pdf = first.getBody();
        assertThat(first.getHeaders().getFirst("X-Motcua-SHA256")).isEqualTo(SignedDocuments.sha256(pdf));
        assertThat(jdbc.queryForObject(
                        "select sha256 from signed_document where dossier_code = ? and revision = 2",
                        String.class,
                        code))
                .isEqualTo(SignedDocuments.sha256(pdf));
        assertThat(api.downloadWithSecret("/api/dossiers/" + code + "/result", filed.secret())
                        .getBody())
                .as("served as stored, the same bytes each time")
                .isEqualTo(pdf);

        Api.Reply verification = api.getWithSecret("/api/dossiers/" + code + "/result/verification", filed.secret());
        assertThat(verification.status()).as(verification.body().toString()).isEqualTo(200);
        JsonNode verdict = verification.body().path("verdict");
        assertThat(verdict.path("indication").asText()).as(verdict.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(verdict.path("signatures").findValuesAsText("signerName"))
                .containsExactly("Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang");
        for (JsonNode signature : verdict.path("signatures")) {
            assertThat(signature.path("timestamp").isNull()).isFalse();
            assertThat(signature.path("intact").asBoolean()).isTrue();
            assertThat(signature.path("trustedChain").asBoolean()).isTrue();
        }
        assertThat(verification.body().path("signers").asText())
                .isEqualTo("Lương Văn Nam; Ủy ban nhân dân phường Phan Rang");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("GIẤY PHÉP XÂY DỰNG")
                    .contains("Nguyễn Văn An")
                    .contains("Đủ điều kiện cấp phép theo quy hoạch.")
                    .contains("TM. ỦY BAN NHÂN DÂN")
                    .contains("Lương Văn Nam");
            assertThat(document.getSignatureDictionaries()).hasSize(2);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path out = Files.createDirectories(Path.of("target", "screenshots", "signing"));
            ImageIO.write(page, "png", out.resolve("ket-qua-giay-phep.png").toFile());
            Files.write(out.resolve("ket-qua-giay-phep.pdf"), pdf);
        }

        Api.Reply uploaded = verify("giay-phep.pdf", pdf);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body().path("verdict").path("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(uploaded.body().path("sha256").asText()).isEqualTo(SignedDocuments.sha256(pdf));
    }

    @Test
    void aChangedCopyFailsAndAFileThatIsNotAPdfIsRefusedWithAMessage() {
        Api.Filed filed = api.returnedHousePermit();
        byte[] pdf = api.downloadWithSecret("/api/dossiers/" + filed.code() + "/result", filed.secret())
                .getBody();
        byte[] changed = pdf.clone();
        int at = indexOf(changed, "15/GPXD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int target = at > 0 ? at : changed.length / 3;
        changed[target] = (byte) (changed[target] ^ 0x01);

        Api.Reply tampered = verify("da-sua.pdf", changed);
        assertThat(tampered.status()).isEqualTo(200);
        assertThat(tampered.body().path("verdict").path("indication").asText()).isNotEqualTo("TOTAL_PASSED");

        Api.Reply notPdf = verify("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.body().toString())
                .contains("Tệp \\\"anh.png\\\" không phải là tệp PDF")
                .contains("is not a PDF");

        assertThat(api.getWithSecret("/api/dossiers/" + filed.code() + "/result", "WRONG-SECRET-XX")
                        .status())
                .isEqualTo(403);
    }

    private Api.Reply verify(String name, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", Api.file(name, content));
        return api.send("POST", "/api/verification", null, Map.of(), parts);
    }

    private List<Integer> revisions(String code) {
        return jdbc.queryForList(
                "select revision from signed_document where dossier_code = ? and kind = 'RESULT' order by revision",
                Integer.class,
                code);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
