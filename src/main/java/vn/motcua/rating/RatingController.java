package vn.motcua.rating;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.dossier.ApplicantSecret;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.Dossiers;

/**
 * The applicant's rating of a dossier: with the secret (X-Motcua-Secret header or the body; tracking page, kiosk) or
 * logged in as the account that filed it. Nobody else reads or gives it here.
 */
@RestController
class RatingController {

    /** What the applicant sends: the nine scores in the form's order, an optional comment, where it was given. */
    record RatingRequest(List<Integer> scores, String comment, String channel, String secret) {}

    private final Dossiers dossiers;
    private final Ratings ratings;

    RatingController(Dossiers dossiers, Ratings ratings) {
        this.dossiers = dossiers;
        this.ratings = ratings;
    }

    @GetMapping("/api/dossiers/{code}/rating")
    @Operation(
            summary = "The rating form of a dossier (nine criteria, 0-2 points each), whether the applicant may rate"
                    + " now, and the rating given so far: for the applicant only (secret in X-Motcua-Secret, or"
                    + " logged in as the filer)")
    Ratings.View view(
            @PathVariable("code") String typed,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest http) {
        ApplicantSecret.refuseInQuery(http.getQueryString());
        return ratings.view(applicants(typed, ApplicantSecret.of(header, null), user));
    }

    @PutMapping("/api/dossiers/{code}/rating")
    @Operation(
            summary = "Rate a returned dossier, or change the rating within the configured period: {scores: [nine"
                    + " numbers 0-2], comment, channel: PORTAL|KIOSK}; for the applicant only")
    Ratings.Rating rate(
            @PathVariable("code") String typed,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            @RequestBody(required = false) RatingRequest request,
            Principal user,
            HttpServletRequest http) {
        ApplicantSecret.refuseInQuery(http.getQueryString());
        if (request == null) {
            throw UserError.badRequest(
                    "Thiếu nội dung đánh giá (điểm của 9 tiêu chí).", "The rating (the nine scores) is missing.");
        }
        String secret = ApplicantSecret.of(header, request.secret());
        Dossier dossier = applicants(typed, secret, user);
        boolean bySecret = secret != null;
        return ratings.rate(
                dossier,
                request.scores(),
                request.comment(),
                channel(request.channel()),
                bySecret || user == null ? null : user.getName());
    }

    /** The dossier, if the caller is its applicant: the secret matches, or they are logged in as its filer. */
    private Dossier applicants(String typed, String secret, Principal user) {
        String code = DossierCode.normalise(typed);
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        if (secret != null) {
            if (dossiers.verifiedSecret(code, secret).isEmpty()) {
                throw new UserError(
                        HttpStatus.FORBIDDEN,
                        "Mã bí mật không đúng. Vui lòng dùng mã bí mật nhận được khi nộp hồ sơ.",
                        "The secret is wrong: use the one given when the dossier was filed.");
            }
            return dossier;
        }
        if (user != null && user.getName().equals(dossier.filedBy())) {
            return dossier;
        }
        throw new UserError(
                HttpStatus.FORBIDDEN,
                "Chỉ người nộp hồ sơ mới đánh giá được: nhập mã bí mật nhận được khi nộp, hoặc đăng nhập bằng tài"
                        + " khoản đã nộp hồ sơ.",
                "Only the applicant may rate the dossier: give the secret received at filing, or log in with the"
                        + " account that filed it.");
    }

    private static Ratings.Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Ratings.Channel.PORTAL;
        }
        try {
            return Ratings.Channel.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.badRequest(
                    "Kênh đánh giá \"" + value + "\" không hợp lệ (PORTAL hoặc KIOSK).",
                    "The channel \"" + value + "\" is not valid (PORTAL or KIOSK).");
        }
    }
}
