package vn.motcua.slips;

import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

@RestController
class SlipController {

    private static final Set<String> OFFICIAL_ROLES = Set.of("reception", "head", "specialist", "leader", "clerk");

    private final Dossiers dossiers;
    private final Slips slips;

    SlipController(Dossiers dossiers, Slips slips) {
        this.dossiers = dossiers;
        this.slips = slips;
    }

    @GetMapping(path = "/api/dossiers/{code}/slips/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A slip of the dossier as PDF: giay-tiep-nhan, phieu-bo-sung or phieu-tu-choi",
            description = "For the applicant with the secret of the filing, or for a logged-in official.")
    ResponseEntity<byte[]> slip(
            @PathVariable String code,
            @PathVariable String kind,
            @RequestParam(required = false) String secret,
            Principal user) {
        SlipKind slipKind = SlipKind.bySlug(kind)
                .orElseThrow(() -> UserError.notFound(
                        "Không có loại phiếu \"" + kind + "\" (giay-tiep-nhan, phieu-bo-sung, phieu-tu-choi).",
                        "There is no slip kind \"" + kind + "\"."));
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        boolean secretMatches = dossiers.secretMatches(code, secret);
        if (!secretMatches && !official(user) && !filedBy(user, dossier)) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Mã bí mật không đúng. Vui lòng dùng mã bí mật nhận được khi nộp hồ sơ.",
                    "The secret is wrong: use the one given when the dossier was filed.");
        }
        if (!slips.exists(dossier, slipKind)) {
            throw UserError.notFound(
                    "Hồ sơ " + code + " không có " + slipKind.title().toLowerCase() + ".",
                    "Dossier " + code + " has no slip of that kind.");
        }
        byte[] pdf = slips.write(dossier, slipKind, secretMatches ? Optional.of(secret) : Optional.empty());
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

    private static boolean official(Principal user) {
        return user instanceof Authentication auth
                && auth.getAuthorities().stream()
                        .map(a -> a.getAuthority())
                        .anyMatch(group -> "camunda-admin".equals(group)
                                || OFFICIAL_ROLES.contains(group.substring(group.lastIndexOf('-') + 1)));
    }

    private static boolean filedBy(Principal user, Dossier dossier) {
        return user != null && user.getName().equals(dossier.filedBy());
    }
}
