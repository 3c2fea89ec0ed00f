package vn.motcua.signing;

import eu.europa.esig.dss.spi.DSSUtils;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.Operators;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.api.UserError;
import vn.motcua.signing.SigningCertificate.HolderKind;

/**
 * The operators' register of signing certificates (group camunda-admin): who holds which, since when and until when,
 * which are revoked. A certificate is registered from the key provider of a configured signer, never from a file sent
 * here, so that what is registered is what that key signs with.
 */
@RestController
class CertificatesController {

    static final String OPERATORS = Operators.GROUP;
    private static final int REASON_MAX = 500;
    private static final TextRules.Label REASON = new TextRules.Label("Lý do thu hồi", "Reason for the revocation");

    /** What an operator registers: the holder (kind and user id or agency code) and the signer whose key it is. */
    record Registration(String holderKind, String holder, String signer) {}

    /** A revocation: its reason, and the day (YYYY-MM-DD, Vietnam; none: now) from which the certificate is revoked. */
    record RevocationRequest(String reason, String date) {}

    /** A registered certificate as operators read it: times in Vietnam's offset, the certificate in PEM. */
    record Registered(
            long id,
            HolderKind holderKind,
            String holder,
            String signer,
            boolean inForce,
            String serialNumber,
            String issuer,
            String commonName,
            String organisation,
            OffsetDateTime notBefore,
            OffsetDateTime notAfter,
            OffsetDateTime revokedAt,
            String revocationReason,
            String revokedBy,
            OffsetDateTime registeredAt,
            String registeredBy,
            String certificate) {}

    private final SigningCertificates certificates;
    private final Clock clock;

    CertificatesController(SigningCertificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @GetMapping("/api/signing/certificates")
    @Operation(
            summary = "The registered signing certificates, or one holder's (holder: a user id or an agency code;"
                    + " holderKind: PERSON or ORGANISATION), newest first; camunda-admin only")
    List<Registered> list(
            @RequestParam(name = "holderKind", required = false) String holderKind,
            @RequestParam(name = "holder", required = false) String holder,
            Authentication user) {
        onlyOperators(user);
        List<SigningCertificate> found =
                certificates.list(holderKind == null ? null : kind(holderKind), blankToNull(holder));
        Map<String, Long> latest = new HashMap<>();
        found.forEach(c -> latest.merge(c.holderKind() + "\n" + c.holder(), c.id(), Math::max));
        return found.stream()
                .map(c -> view(c, latest.get(c.holderKind() + "\n" + c.holder()) == c.id()))
                .toList();
    }

    @PostMapping("/api/signing/certificates")
    @Operation(
            summary = "Register the certificate of a configured signer's key for a holder: {holderKind: PERSON|"
                    + "ORGANISATION, holder: user id or agency code, signer: id under motcua.signing.signers}; it"
                    + " replaces the holder's certificate for new signatures; camunda-admin only")
    ResponseEntity<Registered> register(@RequestBody(required = false) Registration request, Authentication user) {
        onlyOperators(user);
        if (request == null) {
            throw UserError.badRequest(
                    "Thiếu nội dung đăng ký chứng thư số (holderKind, holder, signer).",
                    "The registration (holderKind, holder, signer) is missing.");
        }
        HolderKind kind = kind(request.holderKind());
        String holder = blankToNull(request.holder());
        if (holder == null) {
            throw UserError.badRequest(
                    "Vui lòng cho biết người giữ chứng thư số (holder): tên đăng nhập của cán bộ hoặc mã cơ quan.",
                    "Please say who holds the certificate (holder): the official's user id or the agency code.");
        }
        SigningCertificate registered =
                certificates.register(kind, holder, blankToNull(request.signer()), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(registered, true));
    }

    @PostMapping("/api/signing/certificates/{id}/revocation")
    @Operation(
            summary = "Record that a registered certificate is revoked: {reason, date: YYYY-MM-DD (Vietnam; none:"
                    + " now)}; from then on it signs nothing; camunda-admin only")
    Registered revoke(
            @PathVariable("id") String id,
            @RequestBody(required = false) RevocationRequest request,
            Authentication user) {
        onlyOperators(user);
        long number = number(id);
        String reason = request == null ? null : blankToNull(request.reason());
        if (reason == null) {
            throw UserError.badRequest(
                    "Vui lòng nêu lý do thu hồi chứng thư số (reason).",
                    "Please give the reason for the revocation (reason).");
        }
        Problems problems = new Problems();
        TextRules.text(REASON, reason, REASON_MAX, problems);
        problems.refuseIfAny("Yêu cầu thu hồi chưa hợp lệ", "The revocation is not valid");
        SigningCertificate revoked = certificates.revoke(number, reason, from(request.date()), user.getName());
        return view(revoked, false);
    }

    private Instant from(String date) {
        Instant now = clock.instant();
        if (date == null || date.isBlank()) {
            return now;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw UserError.badRequest(
                    "Ngày thu hồi \"" + date + "\" không đúng dạng YYYY-MM-DD (ví dụ 2026-12-01).",
                    "The revocation date \"" + date + "\" is not of the form YYYY-MM-DD (e.g. 2026-12-01).");
        }
        Instant from = day.atStartOfDay(CertificateRules.VIETNAM).toInstant();
        if (from.isAfter(now)) {
            throw UserError.badRequest(
                    "Ngày thu hồi " + CertificateRules.day(from) + " ở sau hôm nay; chỉ ghi nhận thu hồi đã xảy ra.",
                    "The revocation date " + CertificateRules.day(from)
                            + " is after today; only a revocation that happened is recorded.");
        }
        return from;
    }

    private static HolderKind kind(String typed) {
        String kind = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        for (HolderKind known : HolderKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        throw UserError.badRequest(
                "Loại người giữ chứng thư số (holderKind) phải là PERSON (cán bộ) hoặc ORGANISATION (cơ quan, tổ"
                        + " chức), không phải \"" + (typed == null ? "" : typed) + "\".",
                "The holder kind (holderKind) must be PERSON (an official) or ORGANISATION (an agency), not \""
                        + (typed == null ? "" : typed) + "\".");
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw UserError.notFound(
                    "Không có chứng thư số nào mang mã đăng ký " + id + ".",
                    "There is no registered certificate with the id " + id + ".");
        }
    }

    private static Registered view(SigningCertificate c, boolean latest) {
        return new Registered(
                c.id(),
                c.holderKind(),
                c.holder(),
                c.signerId(),
                latest && c.revocation().isEmpty(),
                c.serialNumber(),
                c.issuer(),
                c.commonName(),
                c.organisation().orElse(null),
                shown(c.notBefore()),
                shown(c.notAfter()),
                c.revocation().map(r -> shown(r.at())).orElse(null),
                c.revocation().map(SigningCertificate.Revocation::reason).orElse(null),
                c.revocation().map(SigningCertificate.Revocation::by).orElse(null),
                shown(c.registeredAt()),
                c.registeredBy(),
                DSSUtils.convertToPEM(c.certificate()));
    }

    private static OffsetDateTime shown(Instant instant) {
        return instant.atZone(CertificateRules.VIETNAM).toOffsetDateTime();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void onlyOperators(Authentication user) {
        Operators.require(
                user,
                "Chỉ quản trị hệ thống (nhóm " + OPERATORS + ") được xem và quản lý chứng thư số ký.",
                "Only operators (group " + OPERATORS + ") may see and manage the signing certificates.");
    }
}
