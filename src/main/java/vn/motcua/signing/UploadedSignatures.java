package vn.motcua.signing;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PAdESSignature;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.signing.Verdict.Reason;

/**
 * Decides whether a file signed on an official's own PC may be taken back: the USB token never leaves that PC, the
 * certificate authority's plugin signs the file the server handed out and the official uploads the result
 * (documents.md §1). Accepted only if the upload is the prepared file byte for byte with exactly one signature added
 * as an incremental revision, that signature covers the whole upload (nothing appended after it), it is the expected
 * signer's, and it validates. It stores nothing; the caller keeps the accepted bytes.
 */
public final class UploadedSignatures {

    static final Reason NOT_A_PDF = new Reason("Tệp tải lên không phải là tệp PDF.", "The uploaded file is not a PDF.");
    static final Reason NOT_THE_PREPARED_FILE = new Reason(
            "Tệp tải lên không bắt đầu bằng đúng tệp đã gửi đi để ký; chữ ký phải được thêm vào chính tệp đó.",
            "The uploaded file does not begin with exactly the file handed out for signing; the signature must be "
                    + "added to that file.");
    static final Reason NO_NEW_SIGNATURE =
            new Reason("Tệp tải lên không có chữ ký mới.", "The uploaded file carries no new signature.");
    static final Reason BYTES_AFTER_THE_SIGNATURE = new Reason(
            "Có dữ liệu được thêm vào sau chữ ký mới; chữ ký phải bao trùm toàn bộ tệp.",
            "Data was added after the new signature; the signature must cover the whole file.");

    /** Who must have signed: a certificate (exactly that one), or only a name when no certificate is on record. */
    public record ExpectedSigner(String name, Optional<CertificateToken> certificate) {

        public ExpectedSigner {
            Objects.requireNonNull(name);
        }

        public static ExpectedSigner holderOf(CertificateToken certificate) {
            return new ExpectedSigner(Certificates.commonName(certificate), Optional.of(certificate));
        }

        public static ExpectedSigner named(String name) {
            return new ExpectedSigner(name, Optional.empty());
        }

        boolean signed(CertificateToken signing) {
            return certificate.map(signing::equals).orElseGet(() -> name.equals(Certificates.commonName(signing)));
        }
    }

    /** Accepted with the new signature's verdict, or refused with the first reason found. */
    public sealed interface Outcome {}

    public record Accepted(Verdict.Signature signature) implements Outcome {}

    public record Refused(Reason reason) implements Outcome {}

    private final PdfVerifier verifier;

    public UploadedSignatures(PdfVerifier verifier) {
        this.verifier = verifier;
    }

    public Outcome check(byte[] prepared, byte[] uploaded, ExpectedSigner expected) {
        Optional<List<AdvancedSignature>> signatures = signatures(uploaded);
        if (signatures.isEmpty()) {
            return new Refused(NOT_A_PDF);
        }
        if (uploaded.length < prepared.length
                || !Arrays.equals(uploaded, 0, prepared.length, prepared, 0, prepared.length)) {
            return new Refused(NOT_THE_PREPARED_FILE);
        }
        Set<String> before = signatures(prepared).orElseThrow().stream()
                .map(AdvancedSignature::getId)
                .collect(Collectors.toSet());
        List<AdvancedSignature> added = signatures.get().stream()
                .filter(signature -> !before.contains(signature.getId()))
                .toList();
        if (added.isEmpty()) {
            return new Refused(NO_NEW_SIGNATURE);
        }
        if (added.size() > 1) {
            return new Refused(new Reason(
                    "Tệp tải lên có " + added.size() + " chữ ký mới; chỉ được thêm đúng một chữ ký.",
                    "The uploaded file carries " + added.size() + " new signatures; exactly one may be added."));
        }
        return checkTheNewSignature(added.get(0), uploaded, expected);
    }

    private Outcome checkTheNewSignature(AdvancedSignature added, byte[] uploaded, ExpectedSigner expected) {
        if (!coversTheWholeFile((PAdESSignature) added, uploaded.length)) {
            return new Refused(BYTES_AFTER_THE_SIGNATURE);
        }
        CertificateToken signing = added.getSigningCertificateToken();
        if (signing == null || !expected.signed(signing)) {
            String by = signing == null ? "?" : Certificates.commonName(signing);
            return new Refused(new Reason(
                    "Tệp được ký bởi " + by + ", không phải bởi " + expected.name() + ".",
                    "The file was signed by " + by + ", not by " + expected.name() + "."));
        }
        Verdict.Signature verdict = verifier.verify(uploaded).signatures().stream()
                .filter(signature -> signature.id().equals(added.getId()))
                .findFirst()
                .orElseThrow();
        if (verdict.indication() != Verdict.Indication.TOTAL_PASSED) {
            String why = verdict.reasons().stream().map(Reason::vietnamese).collect(Collectors.joining(" "));
            String because = verdict.reasons().stream().map(Reason::english).collect(Collectors.joining(" "));
            return new Refused(
                    new Reason("Chữ ký mới không hợp lệ: " + why, "The new signature is not valid: " + because));
        }
        return new Accepted(verdict);
    }

    /** The signed bytes start at 0 and end at the file's end: the signature is the last thing in the file. */
    private static boolean coversTheWholeFile(PAdESSignature signature, int length) {
        List<BigInteger> range = signature.getPdfRevision().getByteRange().toBigIntegerList();
        return range.get(0).signum() == 0 && range.get(2).add(range.get(3)).equals(BigInteger.valueOf(length));
    }

    private static Optional<List<AdvancedSignature>> signatures(byte[] pdf) {
        if (!new String(pdf, 0, Math.min(pdf.length, 5), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Optional.empty();
        }
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
            validator.setCertificateVerifier(new CommonCertificateVerifier());
            return Optional.of(validator.getSignatures());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
