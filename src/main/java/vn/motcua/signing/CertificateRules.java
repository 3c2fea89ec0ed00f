package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.motcua.signing.SigningCertificate.HolderKind;

/**
 * When a registered certificate may sign at an instant, and the refusals in Vietnamese and English when it may not:
 * none registered, revoked, expired, not yet valid, or not the certificate its configured key provider holds (a
 * signature would then name another certificate than the one registered). Pure: no database, no Spring.
 */
final class CertificateRules {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CertificateRules() {}

    static SigningRefused noneRegistered(HolderKind kind, String holder) {
        return new SigningRefused(
                "Chưa có chứng thư số nào được đăng ký cho " + holderVi(kind, holder) + "; không thể ký.",
                "No certificate is registered for " + holderEn(kind, holder) + "; it cannot sign.");
    }

    /** Refuses a certificate revoked by {@code at}, expired or not yet valid then. */
    static void refuseIfNotValid(SigningCertificate registered, Instant at) {
        String name = registered.commonName();
        registered.revocation().filter(revoked -> !revoked.at().isAfter(at)).ifPresent(revoked -> {
            String day = day(revoked.at());
            throw new SigningRefused(
                    "Chứng thư số của " + name + " đã bị thu hồi từ ngày " + day + " (lý do: " + revoked.reason()
                            + "); không thể ký.",
                    "The certificate of " + name + " was revoked on " + day + " (reason: " + revoked.reason()
                            + "); it cannot sign.");
        });
        if (at.isAfter(registered.notAfter())) {
            String day = day(registered.notAfter());
            throw new SigningRefused(
                    "Chứng thư số của " + name + " đã hết hạn từ ngày " + day + "; không thể ký.",
                    "The certificate of " + name + " expired on " + day + "; it cannot sign.");
        }
        if (at.isBefore(registered.notBefore())) {
            String day = day(registered.notBefore());
            throw new SigningRefused(
                    "Chứng thư số của " + name + " chỉ có hiệu lực từ ngày " + day + "; chưa thể ký.",
                    "The certificate of " + name + " is valid only from " + day + "; it cannot sign yet.");
        }
    }

    /** Refuses when the registered signer is gone from configuration or its key holds another certificate. */
    static void refuseIfNotHeld(SigningCertificate registered, Signers signers) {
        String signer = registered.signerId();
        String name = registered.commonName();
        if (!signers.ids().contains(signer)) {
            throw new SigningRefused(
                    "Chứng thư số của " + name + " được đăng ký với khóa ký '" + signer
                            + "', nhưng cấu hình không còn khóa ký này (motcua.signing.signers." + signer
                            + "); không thể ký.",
                    "The certificate of " + name + " is registered with the signer '" + signer
                            + "', which is no longer configured (motcua.signing.signers." + signer
                            + "); it cannot sign.");
        }
        List<CertificateToken> chain = signers.get(signer).certificateChain();
        if (chain.isEmpty()
                || !Arrays.equals(
                        chain.get(0).getEncoded(), registered.certificate().getEncoded())) {
            throw new SigningRefused(
                    "Khóa ký '" + signer + "' không giữ chứng thư số đã đăng ký của " + name + " (số sê-ri "
                            + registered.serialNumber() + "); không thể ký cho đến khi chứng thư số của khóa này được"
                            + " đăng ký.",
                    "The signer '" + signer + "' does not hold the certificate registered for " + name + " (serial "
                            + registered.serialNumber() + "); it cannot sign until that key's certificate is"
                            + " registered.");
        }
    }

    /** The serial number as certificate authorities print it: upper-case hexadecimal. */
    static String serial(CertificateToken certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    static String day(Instant instant) {
        return DAY.format(instant.atZone(VIETNAM));
    }

    static String holderVi(HolderKind kind, String holder) {
        return (kind == HolderKind.PERSON ? "cán bộ " : "cơ quan ") + holder;
    }

    static String holderEn(HolderKind kind, String holder) {
        return (kind == HolderKind.PERSON ? "the official " : "the agency ") + holder;
    }
}
