package vn.motcua.slips;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.dossier.ApplicantSecret;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.Dossiers;
import vn.motcua.signing.PdfVerifier;
import vn.motcua.signing.SignedDocument;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.Verdict;

@RestController
class SlipController {

    private final Dossiers dossiers;
    /** Which copy of a slip was served: {@code issued} (stored at its moment) or {@code applicant} (with the secret). */
    static final String COPY_HEADER = "X-Motcua-Copy";

    private final Slips slips;
    private final SignedSlips signedSlips;
    private final SignedDocuments signed;
    private final PdfVerifier verifier;

    SlipController(
            Dossiers dossiers, Slips slips, SignedSlips signedSlips, SignedDocuments signed, PdfVerifier verifier) {
        this.dossiers = dossiers;
        this.slips = slips;
        this.signedSlips = signedSlips;
        this.signed = signed;
        this.verifier = verifier;
    }

    @GetMapping(path = "/api/dossiers/{code}/result", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The dossier's signed result document (PDF, PAdES), as stored when it was issued",
            description = "The same bytes every time (their SHA-256 is in the verification's answer). For the"
                    + " applicant (the secret in X-Motcua-Secret, or logged in as the filer) and officials of the"
                    + " departments with a step on the dossier. 404 while the result is not issued.")
    ResponseEntity<byte[]> result(
            @PathVariable("code") String typed,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest request) {
        SignedDocument document =
                issuedResult(access(typed, header, user, request).dossier());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName())
                                .build()
                                .toString())
                .header("X-Motcua-SHA256", document.sha256())
                .body(signed.content(document));
    }

    /** The stored result and what validating its signatures finds now. */
    record ResultVerification(
            String dossierCode, String fileName, String sha256, int revision, String signers, Verdict verdict) {}

    @GetMapping("/api/dossiers/{code}/result/verification")
    @Operation(
            summary = "Validates the dossier's stored result: signers, organisation, times, timestamp, integrity,"
                    + " chain to the trust anchors and revocation, with the verdict's reasons in Vietnamese and"
                    + " English",
            description = "Same access as the result itself.")
    ResultVerification verification(
            @PathVariable("code") String typed,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest request) {
        SignedDocument document =
                issuedResult(access(typed, header, user, request).dossier());
        return new ResultVerification(
                document.dossierCode(),
                document.fileName(),
                document.sha256(),
                document.revision(),
                document.signers(),
                verifier.verify(signed.content(document)));
    }

    /** The result with the organisation's seal; the leader's signature alone is not an issued result yet. */
    private SignedDocument issuedResult(Dossier dossier) {
        return signed.latest(dossier.code(), SignedDocuments.RESULT)
                .filter(document -> document.revision() >= ResultSignature.SEALED)
                .orElseThrow(() -> UserError.notFound(
                        "Hồ sơ " + dossier.code() + " chưa có kết quả điện tử đã ký số và đóng dấu.",
                        "Dossier " + dossier.code() + " has no signed and sealed electronic result yet."));
    }

    @GetMapping(path = "/api/dossiers/{code}/slips/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A slip of the dossier as PDF: giay-tiep-nhan, phieu-bo-sung or phieu-tu-choi",
            description = "For the applicant (the secret of the filing in the X-Motcua-Secret header, or logged in as"
                    + " the filer) and for officials of the departments that have a step on the dossier; any other"
                    + " official gets 403. A ?secret= query parameter is refused (400). From its moment on (acceptance,"
                    + " the supplement decision, the refusal) the slip is the one sealed by the receiving agency and"
                    + " stored then: the same bytes each time, their SHA-256 in X-Motcua-SHA256 (X-Motcua-Copy: issued);"
                    + " with the right secret, the applicant's copy that also prints it, sealed at the download and"
                    + " not stored (X-Motcua-Copy: applicant). Before its moment, or for a slip whose moment came"
                    + " before slips were stored, it is written as the dossier stands, unsigned.")
    ResponseEntity<byte[]> slip(
            @PathVariable("code") String typed,
            @PathVariable String kind,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest request) {
        ApplicantSecret.refuseInQuery(request.getQueryString());
        SlipKind slipKind = SlipKind.bySlug(kind)
                .orElseThrow(() -> UserError.notFound(
                        "Không có loại phiếu \"" + kind + "\" (giay-tiep-nhan, phieu-bo-sung, phieu-tu-choi).",
                        "There is no slip kind \"" + kind + "\"."));
        Access access = access(typed, header, user, request);
        Dossier dossier = access.dossier();
        String code = dossier.code();
        Optional<String> verified = access.verifiedSecret();
        if (!slips.exists(dossier, slipKind)) {
            throw UserError.notFound(
                    "Hồ sơ " + code + " không có " + slipKind.title().toLowerCase() + ".",
                    "Dossier " + code + " has no slip of that kind.");
        }
        Optional<SignedDocument> issued = signedSlips.stored(dossier, slipKind);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(SignedSlips.fileName(dossier, slipKind))
                                .build()
                                .toString());
        if (issued.isEmpty()) {
            // its moment came before slips were stored (or has not come: an online filing not accepted yet)
            return answer.body(slips.write(dossier, slipKind, verified));
        }
        if (verified.isPresent()) {
            // the applicant's copy, with the secret they sent: sealed now, never stored
            return answer.header(COPY_HEADER, "applicant")
                    .body(signedSlips.copyWithSecret(dossier, slipKind, verified.get()));
        }
        return answer.header(COPY_HEADER, "issued")
                .header("X-Motcua-SHA256", issued.get().sha256())
                .body(signedSlips.content(issued.get()));
    }

    /** Who may see a dossier's papers, and the secret when the caller gave the right one. */
    record Access(Dossier dossier, Optional<String> verifiedSecret) {}

    /**
     * The dossier's papers (slips, result) are for the applicant — the secret of the filing in the header, or logged in
     * as the filer — and for officials of the departments that have a step on it; anyone else gets 403.
     */
    Access access(String typed, String header, Principal user, HttpServletRequest request) {
        ApplicantSecret.refuseInQuery(request.getQueryString());
        String code = DossierCode.normalise(typed);
        String secret = ApplicantSecret.of(header, null);
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        Optional<String> verified = dossiers.verifiedSecret(code, secret);
        if (verified.isEmpty() && !filedBy(user, dossier)) {
            if (user == null || secret != null) {
                throw new UserError(
                        HttpStatus.FORBIDDEN,
                        "Mã bí mật không đúng. Vui lòng dùng mã bí mật nhận được khi nộp hồ sơ.",
                        "The secret is wrong: use the one given when the dossier was filed.");
            }
            if (!handlesIt(user, code)) {
                throw new UserError(
                        HttpStatus.FORBIDDEN,
                        "Chỉ người nộp và cán bộ các phòng, đơn vị có bước xử lý hồ sơ " + code
                                + " mới được tải giấy tờ của hồ sơ này.",
                        "Only the applicant and officials of the departments with a step on dossier " + code
                                + " may download its papers.");
            }
        }
        return new Access(dossier, verified);
    }

    /**
     * An official of a department that has (or had) a step on the dossier: its timeline's departments, the reception
     * step included. The slips carry the applicant's ID number, address and phone, so no other department, and no
     * operator or designer, gets them.
     */
    private boolean handlesIt(Principal user, String code) {
        return user instanceof Authentication auth
                && dossiers.hasStepOf(
                        code,
                        auth.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .toList());
    }

    private static boolean filedBy(Principal user, Dossier dossier) {
        return user != null && user.getName().equals(dossier.filedBy());
    }
}
