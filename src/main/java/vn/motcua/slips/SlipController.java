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

@RestController
class SlipController {

    private final Dossiers dossiers;
    private final Slips slips;

    SlipController(Dossiers dossiers, Slips slips) {
        this.dossiers = dossiers;
        this.slips = slips;
    }

    @GetMapping(path = "/api/dossiers/{code}/slips/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A slip of the dossier as PDF: giay-tiep-nhan, phieu-bo-sung or phieu-tu-choi",
            description = "For the applicant (the secret of the filing in the X-Motcua-Secret header, or logged in as"
                    + " the filer) and for officials of the departments that have a step on the dossier; any other"
                    + " official gets 403. A ?secret= query parameter is refused (400).")
    ResponseEntity<byte[]> slip(
            @PathVariable("code") String typed,
            @PathVariable String kind,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest request) {
        ApplicantSecret.refuseInQuery(request.getQueryString());
        String code = DossierCode.normalise(typed);
        String secret = ApplicantSecret.of(header, null);
        SlipKind slipKind = SlipKind.bySlug(kind)
                .orElseThrow(() -> UserError.notFound(
                        "Không có loại phiếu \"" + kind + "\" (giay-tiep-nhan, phieu-bo-sung, phieu-tu-choi).",
                        "There is no slip kind \"" + kind + "\"."));
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        Optional<String> verified = dossiers.verifiedSecret(code, secret);
        boolean secretMatches = verified.isPresent();
        if (!secretMatches && !filedBy(user, dossier)) {
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
                                + " mới được tải phiếu của hồ sơ này.",
                        "Only the applicant and officials of the departments with a step on dossier " + code
                                + " may download its slips.");
            }
        }
        if (!slips.exists(dossier, slipKind)) {
            throw UserError.notFound(
                    "Hồ sơ " + code + " không có " + slipKind.title().toLowerCase() + ".",
                    "Dossier " + code + " has no slip of that kind.");
        }
        byte[] pdf = slips.write(dossier, slipKind, verified);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(slipKind.slug() + "-" + code + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
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
