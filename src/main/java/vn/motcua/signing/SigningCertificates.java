package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedures;
import vn.motcua.signing.SigningCertificate.HolderKind;

/**
 * The certificates officials and organisations hold, as data: which one is in force for a holder (the one registered
 * last), registered by an operator or from configuration, revoked by an operator. A step that signs asks here first,
 * so that an expired, revoked or replaced certificate is refused with a message people understand.
 */
@Service
public class SigningCertificates {

    private final CertificateMapper certificates;
    private final Signers signers;
    private final Procedures catalogue;
    private final IdentityService identity;
    private final Clock clock;

    SigningCertificates(
            CertificateMapper certificates,
            Signers signers,
            Procedures catalogue,
            @Lazy IdentityService identity,
            Clock clock) {
        this.certificates = certificates;
        this.signers = signers;
        this.catalogue = catalogue;
        this.identity = identity;
        this.clock = clock;
    }

    /** The official's certificate in force at {@code at}, or {@link SigningRefused} saying why none may sign. */
    public SigningCertificate forPerson(String userId, Instant at) {
        return inForce(HolderKind.PERSON, userId, at);
    }

    /** The organisation's (its seal's) certificate in force at {@code at}, or {@link SigningRefused}. */
    public SigningCertificate forOrganisation(String agencyCode, Instant at) {
        return inForce(HolderKind.ORGANISATION, agencyCode, at);
    }

    private SigningCertificate inForce(HolderKind kind, String holder, Instant at) {
        SigningCertificate registered = certificates
                .latest(kind.name(), holder)
                .map(SigningCertificates::of)
                .orElseThrow(() -> CertificateRules.noneRegistered(kind, holder));
        CertificateRules.refuseIfNotValid(registered, at);
        CertificateRules.refuseIfNotHeld(registered, signers);
        return registered;
    }

    /** Every certificate, or those of one holder (of one kind, or of either when {@code kind} is null). */
    List<SigningCertificate> list(HolderKind kind, String holder) {
        return certificates.list(kind == null ? null : kind.name(), holder).stream()
                .map(SigningCertificates::of)
                .toList();
    }

    /**
     * Registers the certificate the signer's key provider holds for the holder, who must exist (a user of the
     * identity, an agency of the catalogue); it replaces the holder's certificate in force for new signatures.
     */
    SigningCertificate register(HolderKind kind, String holder, String signerId, String by) {
        refuseUnknownHolder(kind, holder);
        return insert(kind, holder, signerId, by)
                .orElseThrow(() -> alreadyRegistered(signerId, certificateOf(signerId)));
    }

    /**
     * The same from configuration at startup, once: an already registered certificate is left as it is (another node
     * may have registered it a moment ago). The holder is not looked up: the identity may not be reachable yet.
     */
    Optional<SigningCertificate> registerFromConfiguration(HolderKind kind, String holder, String signerId) {
        CertificateToken certificate = certificateOf(signerId);
        if (certificates
                .findByIssuerAndSerial(issuer(certificate), CertificateRules.serial(certificate))
                .isPresent()) {
            return Optional.empty();
        }
        return insert(kind, holder, signerId, "motcua.signing.signers." + signerId);
    }

    /** Records that the certificate is revoked from {@code at} on; a revocation is recorded once. */
    SigningCertificate revoke(long id, String reason, Instant at, String by) {
        CertificateMapper.Row row = certificates
                .find(id)
                .orElseThrow(() -> UserError.notFound(
                        "Không có chứng thư số nào mang mã đăng ký " + id + ".",
                        "There is no registered certificate with the id " + id + "."));
        if (row.revokedAt() != null) {
            throw alreadyRevoked(row);
        }
        if (certificates.revoke(id, local(at), reason, by) == 0) {
            throw alreadyRevoked(certificates.find(id).orElseThrow()); // by another operator a moment ago
        }
        return certificates.find(id).map(SigningCertificates::of).orElseThrow();
    }

    private static UserError alreadyRevoked(CertificateMapper.Row row) {
        long id = row.id();
        return UserError.conflict(
                "Chứng thư số " + id + " của " + row.commonName() + " đã được ghi nhận thu hồi từ ngày "
                        + CertificateRules.day(instant(row.revokedAt())) + "; không ghi nhận lại.",
                "The certificate " + id + " of " + row.commonName() + " is already recorded as revoked on "
                        + CertificateRules.day(instant(row.revokedAt())) + "; nothing was changed.");
    }

    private Optional<SigningCertificate> insert(HolderKind kind, String holder, String signerId, String by) {
        CertificateToken certificate = certificateOf(signerId);
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            String day = CertificateRules.day(certificate.getNotAfter().toInstant());
            throw UserError.badRequest(
                    "Chứng thư số của khóa ký '" + signerId + "' (" + Certificates.commonName(certificate)
                            + ") đã hết hạn từ ngày " + day + "; không đăng ký chứng thư số đã hết hạn.",
                    "The certificate of the signer '" + signerId + "' (" + Certificates.commonName(certificate)
                            + ") expired on " + day + "; an expired certificate is not registered.");
        }
        String issuer = issuer(certificate);
        String serial = CertificateRules.serial(certificate);
        try {
            certificates.insert(new CertificateMapper.Row(
                    null,
                    kind.name(),
                    holder,
                    signerId,
                    certificate.getEncoded(),
                    serial,
                    issuer,
                    Certificates.commonName(certificate),
                    Certificates.organisation(certificate).orElse(null),
                    local(certificate.getNotBefore().toInstant()),
                    local(certificate.getNotAfter().toInstant()),
                    null,
                    null,
                    null,
                    local(now),
                    by));
        } catch (DuplicateKeyException registered) {
            return Optional.empty();
        }
        return certificates.findByIssuerAndSerial(issuer, serial).map(SigningCertificates::of);
    }

    private CertificateToken certificateOf(String signerId) {
        if (signerId == null || !signers.ids().contains(signerId)) {
            String known = signers.ids().isEmpty()
                    ? "(none)"
                    : String.join(", ", signers.ids().stream().sorted().toList());
            throw UserError.badRequest(
                    "Không có khóa ký '" + signerId + "' trong cấu hình (motcua.signing.signers); các khóa ký có: "
                            + known + ".",
                    "There is no signer '" + signerId + "' in the configuration (motcua.signing.signers); the"
                            + " signers: " + known + ".");
        }
        return signers.get(signerId).certificateChain().get(0);
    }

    private UserError alreadyRegistered(String signerId, CertificateToken certificate) {
        CertificateMapper.Row row = certificates
                .findByIssuerAndSerial(issuer(certificate), CertificateRules.serial(certificate))
                .orElseThrow();
        HolderKind kind = HolderKind.valueOf(row.holderKind());
        return UserError.conflict(
                "Chứng thư số của khóa ký '" + signerId + "' (" + row.commonName() + ", số sê-ri "
                        + row.serialNumber() + ") đã được đăng ký cho " + CertificateRules.holderVi(kind, row.holder())
                        + " (mã đăng ký " + row.id() + "); không đăng ký lại.",
                "The certificate of the signer '" + signerId + "' (" + row.commonName() + ", serial "
                        + row.serialNumber() + ") is already registered for "
                        + CertificateRules.holderEn(kind, row.holder()) + " (id " + row.id()
                        + "); nothing was stored.");
    }

    private void refuseUnknownHolder(HolderKind kind, String holder) {
        if (kind == HolderKind.ORGANISATION && catalogue.agency(holder).isEmpty()) {
            throw UserError.badRequest(
                    "Không có cơ quan mã '" + holder + "' trong danh mục; không đăng ký được chứng thư số.",
                    "There is no agency '" + holder + "' in the catalogue; the certificate was not registered.");
        }
        if (kind == HolderKind.PERSON
                && platform(() -> identity.createUserQuery().userId(holder).count()) == 0) {
            throw UserError.badRequest(
                    "Không có người dùng '" + holder + "' trong hệ thống; không đăng ký được chứng thư số.",
                    "There is no user '" + holder + "'; the certificate was not registered.");
        }
    }

    /** Asked as the platform: inside an engine command Camunda would show only the users the caller may read. */
    private <T> T platform(Supplier<T> query) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static SigningCertificate of(CertificateMapper.Row row) {
        return new SigningCertificate(
                row.id(),
                HolderKind.valueOf(row.holderKind()),
                row.holder(),
                row.signerId(),
                DSSUtils.loadCertificate(row.certificate()),
                row.serialNumber(),
                row.issuer(),
                row.commonName(),
                Optional.ofNullable(row.organisation()),
                instant(row.notBefore()),
                instant(row.notAfter()),
                Optional.ofNullable(row.revokedAt())
                        .map(at -> new SigningCertificate.Revocation(
                                instant(at), row.revocationReason(), row.revokedBy())),
                instant(row.registeredAt()),
                row.registeredBy());
    }

    private static String issuer(CertificateToken certificate) {
        return certificate.getIssuer().getPrettyPrintRFC2253();
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, CertificateRules.VIETNAM);
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(CertificateRules.VIETNAM).toInstant();
    }
}
