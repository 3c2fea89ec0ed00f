package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signing.UploadedSignatures.ExpectedSigner;
import vn.motcua.signing.Verdict.Indication;
import vn.motcua.signing.Verdict.Reason;

/** The file the server handed out, signed on the official's PC by the CA's plugin (played here by DSS) and uploaded. */
class UploadedSignaturesTests {

    private static final char[] PASSWORD = "plugin".toCharArray();

    private static Signatures signatures;
    private static TestPki.Entity leader;
    private static UploadedSignatures uploads;

    @TempDir
    Path files;

    @BeforeAll
    static void startTheTestAuthorities() throws IOException {
        signatures = new Signatures();
        leader = signatures.authorities.pki().signer(Signatures.LEADER_NAME, Signatures.WARD);
        uploads = new UploadedSignatures(signatures.verifier);
    }

    @AfterAll
    static void stopThem() {
        signatures.close();
    }

    @Test
    void acceptsThePreparedFileSignedOnThePc() throws IOException {
        byte[] prepared = TestPermit.pdf();
        byte[] uploaded = signOnThePc(prepared, leader);

        UploadedSignatures.Outcome outcome = uploads.check(prepared, uploaded, leadersCertificate());

        assertThat(outcome).isInstanceOfSatisfying(UploadedSignatures.Accepted.class, accepted -> {
            assertThat(accepted.signature().signerName()).isEqualTo(Signatures.LEADER_NAME);
            assertThat(accepted.signature().indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(accepted.signature().level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        });
    }

    @Test
    void acceptsOneSignatureMoreOnAFileAlreadySignedOnTheServer() throws IOException {
        byte[] prepared = signatures.longTerm.sign(TestPermit.pdf(), TestPermit.LEADER, signatures.leader);
        TestPki.Entity ward = signatures.authorities.pki().signer(Signatures.WARD, Signatures.WARD);
        byte[] uploaded = signOnThePc(prepared, ward);

        UploadedSignatures.Outcome outcome = uploads.check(prepared, uploaded, ExpectedSigner.named(Signatures.WARD));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        UploadedSignatures.Accepted.class,
                        accepted ->
                                assertThat(accepted.signature().signerName()).isEqualTo(Signatures.WARD));
    }

    @Test
    void refusesAnotherPdfSigned() throws IOException {
        byte[] uploaded = signOnThePc(blankPdf(), leader);

        assertRefused(TestPermit.pdf(), uploaded, UploadedSignatures.NOT_THE_PREPARED_FILE);
    }

    @Test
    void refusesThePreparedFileChangedBeforeSigning() throws IOException {
        byte[] prepared = TestPermit.pdf();
        byte[] changed = prepared.clone();
        changed[indexOf(changed, TestPermit.MARK)] = 'N';

        assertRefused(prepared, signOnThePc(changed, leader), UploadedSignatures.NOT_THE_PREPARED_FILE);
    }

    @Test
    void refusesBytesAppendedAfterTheSignature() throws IOException {
        byte[] prepared = TestPermit.pdf();
        byte[] signed = signOnThePc(prepared, leader);
        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("\n% appended\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 12);

        assertRefused(prepared, appended, UploadedSignatures.BYTES_AFTER_THE_SIGNATURE);
    }

    @Test
    void refusesAFileSignedBySomeoneElse() throws IOException {
        byte[] prepared = TestPermit.pdf();
        TestPki.Entity other = signatures.authorities.pki().signer("Trần Văn Khác", Signatures.WARD);

        assertRefused(
                prepared,
                signOnThePc(prepared, other),
                new Reason(
                        "Tệp được ký bởi Trần Văn Khác, không phải bởi Nguyễn Văn Lãnh Đạo.",
                        "The file was signed by Trần Văn Khác, not by Nguyễn Văn Lãnh Đạo."));
    }

    @Test
    void refusesTheSameNameFromAnUntrustedAuthority() throws IOException {
        byte[] prepared = TestPermit.pdf();
        TestPki stranger = new TestPki("Tổ chức chứng thực lạ", "http://127.0.0.1:9/crl/other.crl");
        byte[] uploaded = signOnThePc(prepared, stranger.signer(Signatures.LEADER_NAME, Signatures.WARD));

        assertThat(uploads.check(prepared, uploaded, ExpectedSigner.named(Signatures.LEADER_NAME)))
                .isEqualTo(new UploadedSignatures.Refused(new Reason(
                        "Chữ ký mới không hợp lệ: Chứng thư số của người ký không thuộc tổ chức chứng thực nào được "
                                + "tin cậy.",
                        "The new signature is not valid: The signer's certificate does not chain to a trusted "
                                + "certificate authority.")));
    }

    @Test
    void refusesAnUnsignedUpload() throws IOException {
        byte[] prepared = TestPermit.pdf();

        assertRefused(prepared, prepared.clone(), UploadedSignatures.NO_NEW_SIGNATURE);
    }

    @Test
    void refusesTwoNewSignatures() throws IOException {
        byte[] prepared = TestPermit.pdf();
        byte[] twice = signOnThePc(signOnThePc(prepared, leader), leader);

        assertRefused(
                prepared,
                twice,
                new Reason(
                        "Tệp tải lên có 2 chữ ký mới; chỉ được thêm đúng một chữ ký.",
                        "The uploaded file carries 2 new signatures; exactly one may be added."));
    }

    @Test
    void refusesAFileThatIsNotAPdf() throws IOException {
        assertRefused(
                TestPermit.pdf(), "Giấy phép xây dựng".getBytes(StandardCharsets.UTF_8), UploadedSignatures.NOT_A_PDF);
        assertRefused(TestPermit.pdf(), "%PDF-1.7 hỏng".getBytes(StandardCharsets.UTF_8), UploadedSignatures.NOT_A_PDF);
    }

    private static void assertRefused(byte[] prepared, byte[] uploaded, Reason reason) {
        assertThat(uploads.check(prepared, uploaded, leadersCertificate()))
                .isEqualTo(new UploadedSignatures.Refused(reason));
    }

    private static ExpectedSigner leadersCertificate() {
        return ExpectedSigner.holderOf(new CertificateToken(leader.certificate()));
    }

    /** What the CA's plugin does on the official's PC: a PAdES B-T signature with the key on the token (a key file). */
    private byte[] signOnThePc(byte[] pdf, TestPki.Entity who) throws IOException {
        Path file = TestPki.pkcs12(who, Files.createTempFile(files, "token", ".p12"), PASSWORD);
        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(Files.readAllBytes(file), new PasswordProtection(PASSWORD))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            service.setTspSource(new OnlineTSPSource(signatures.authorities.tsaUrl()));
            DSSDocument document = new InMemoryDocument(pdf);
            ToBeSigned data = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(data, DigestAlgorithm.SHA256, key);
            try (InputStream in =
                    service.signDocument(document, parameters, value).openStream()) {
                return in.readAllBytes();
            }
        }
    }

    private static byte[] blankPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] part = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found: " + text);
    }
}
