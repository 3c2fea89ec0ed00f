package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.signing.Verdict.Indication;
import vn.motcua.signing.Verdict.Revocation;

class PdfSignerTests {

    private static Signatures signatures;

    @BeforeAll
    static void startTheTestAuthorities() throws IOException {
        signatures = new Signatures();
    }

    @AfterAll
    static void stopThem() {
        signatures.close();
    }

    @Test
    void leaderSignsThenTheWardSealsAndBothSignaturesPassWithATimestamp() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        byte[] sealed = signatures.signedAndSealed();

        Verdict verdict = signatures.verifier.verify(sealed);

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.subIndication()).isEmpty();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.signatures())
                .extracting(Verdict.Signature::signerName)
                .containsExactly(Signatures.LEADER_NAME, Signatures.WARD);
        assertThat(verdict.signatures()).allSatisfy(signature -> {
            assertThat(signature.organisation()).contains(Signatures.WARD);
            assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(signature.intact()).isTrue();
            assertThat(signature.trustedChain()).isTrue();
            assertThat(signature.revocation()).isEqualTo(Revocation.GOOD);
            assertThat(signature.signingTime()).isBetween(before, Instant.now());
            assertThat(signature.timestamp())
                    .hasValueSatisfying(time ->
                            assertThat(time).isBetween(signature.signingTime().minusSeconds(1), Instant.now()));
        });
    }

    @Test
    void theSignedPageShowsBothSignaturesInVietnamese() throws IOException {
        byte[] sealed = signatures.signedAndSealed();
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots", "signing"));
        Files.write(screenshots.resolve("giay-phep-da-ky.pdf"), sealed);

        try (PDDocument document = Loader.loadPDF(sealed)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(
                    page, "png", screenshots.resolve("giay-phep-da-ky.png").toFile());
            assertThat(new PDFTextStripper().getText(document))
                    .contains("GIẤY PHÉP XÂY DỰNG", "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn Lãnh Đạo");

            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertThat(form.getFields()).hasSize(2);
            form.flatten();
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains(
                            "Ký bởi: Nguyễn Văn Lãnh Đạo",
                            "Cơ quan: Ủy ban nhân dân phường Phan Rang",
                            "ỦY BAN NHÂN DÂN PHƯỜNG PHAN RANG",
                            "Đóng dấu lúc",
                            "Số: 125/GPXD-UBND");
        }
    }

    @Test
    void signaturesMadeAtOnceOnFourThreadsEachPassAndEmbedTheirOwnSubsetOfTheSharedFont() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> made = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                made.add(threads.submit(signatures::signedAndSealed));
            }
            for (Future<byte[]> one : made) {
                byte[] sealed = one.get(2, TimeUnit.MINUTES);
                assertThat(signatures.verifier.verify(sealed).indication()).isEqualTo(Indication.TOTAL_PASSED);
                try (PDDocument document = Loader.loadPDF(sealed)) {
                    List<String> fonts = document.getDocument().getObjectsByType(COSName.FONT).stream()
                            .map(object -> ((COSDictionary) object.getObject()).getNameAsString(COSName.BASE_FONT))
                            .distinct()
                            .toList();
                    // the permit's two fonts and one per signature (a Type 0 font and its CID font, the same name),
                    // each a subset (tag "ABCDEF+"), none whole
                    assertThat(fonts)
                            .hasSize(4)
                            .allMatch(
                                    name -> name.matches("[A-Z]{6}\\+DejaVuSerif(-Bold)?"), "a subset of DejaVu Serif");
                    document.getDocumentCatalog().getAcroForm().flatten();
                    assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                            .contains(
                                    "Ký bởi: Nguyễn Văn Lãnh Đạo", "ỦY BAN NHÂN DÂN PHƯỜNG PHAN RANG", "Đóng dấu lúc");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anExpiredCertificateIsRefusedBeforeSigning() throws IOException {
        Instant now = Instant.now();
        KeyProvider expired = signatures.keyFile(
                signatures
                        .authorities
                        .pki()
                        .signer(
                                "Trần Thị Hết Hạn",
                                Signatures.WARD,
                                now.minus(Duration.ofDays(400)),
                                now.minus(Duration.ofDays(2))),
                "expired");
        byte[] permit = TestPermit.pdf();

        assertThatThrownBy(() -> signatures.signer.sign(permit, TestPermit.LEADER, expired))
                .isInstanceOfSatisfying(SigningRefused.class, refused -> {
                    assertThat(refused.vietnamese())
                            .startsWith("Chứng thư số của Trần Thị Hết Hạn đã hết hạn từ ")
                            .endsWith("; không thể ký.");
                    assertThat(refused.english())
                            .startsWith("The certificate of Trần Thị Hết Hạn expired on ")
                            .endsWith("; it cannot sign.");
                });
        expired.close();
    }

    @Test
    void signsWithoutTimestampOnlyWhenBuiltSo() throws IOException {
        PdfSigner bBaseline = PdfSigner.withoutTimestamps(Clock.systemUTC());
        byte[] signed = bBaseline.sign(TestPermit.pdf(), TestPermit.LEADER, signatures.leader);

        Verdict verdict = signatures.verifier.verify(signed);

        assertThat(bBaseline.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
        assertThat(signatures.signer.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.signerName()).isEqualTo(Signatures.LEADER_NAME);
            assertThat(signature.timestamp()).isEmpty();
            assertThat(signature.intact()).isTrue();
        });
    }

    @Test
    void aSignerThatIsNotConfiguredRefusesToSign() throws IOException {
        byte[] permit = TestPermit.pdf();

        assertThatThrownBy(() -> PdfSigner.refusing().sign(permit, TestPermit.LEADER, signatures.leader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("motcua.signing.tsa-url");
    }
}
