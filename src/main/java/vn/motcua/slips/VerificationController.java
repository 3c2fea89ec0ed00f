package vn.motcua.slips;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.api.UserError;
import vn.motcua.signing.PdfVerifier;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.Verdict;

/**
 * Anyone may check a signed PDF (a result, a slip, any PAdES document): who signed it, for which organisation, when,
 * with which timestamp, whether it is intact, whether it chains to this installation's trust anchors and the
 * revocation state, with the verdict's reasons in Vietnamese and English. Nothing uploaded is kept.
 */
@RestController
class VerificationController {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PdfVerifier verifier;

    VerificationController(PdfVerifier verifier) {
        this.verifier = verifier;
    }

    /** The verdict, and the SHA-256 of the file checked (to compare with the one a dossier's result shows). */
    record Checked(String fileName, String sha256, Verdict verdict) {}

    @PostMapping(path = "/api/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Validates every signature of an uploaded PDF (multipart part \"file\", up to 20 MB)",
            description = "Public. The verdict (TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED) with, per signature, the"
                    + " signer, organisation, signing time, timestamp, integrity, trusted chain and revocation;"
                    + " reasons in Vietnamese and English. A file that is not a PDF answers 400.")
    Checked verify(@RequestPart("file") MultipartFile file) {
        byte[] pdf;
        try {
            pdf = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new UserError(
                    HttpStatus.BAD_REQUEST,
                    "Tệp \"" + file.getOriginalFilename() + "\" không phải là tệp PDF; chỉ kiểm tra được chữ ký số"
                            + " trên tệp PDF.",
                    "The file \"" + file.getOriginalFilename() + "\" is not a PDF; only PDF signatures can be"
                            + " checked.");
        }
        Verdict verdict;
        try {
            verdict = verifier.verify(pdf);
        } catch (RuntimeException unreadable) {
            throw new UserError(
                    HttpStatus.BAD_REQUEST,
                    "Không đọc được tệp PDF \"" + file.getOriginalFilename() + "\"; tệp có thể bị hỏng.",
                    "The PDF \"" + file.getOriginalFilename() + "\" cannot be read; it may be damaged.");
        }
        return new Checked(file.getOriginalFilename(), SignedDocuments.sha256(pdf), verdict);
    }
}
