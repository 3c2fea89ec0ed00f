package vn.motcua.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.springframework.stereotype.Service;

/**
 * Signs a document as a person (an official's own certificate) or as an organisation (its seal), with the
 * certificate registered for that holder and in force now ({@link SigningCertificates}: none, expired, not yet valid
 * or revoked is refused with the reason) and the key provider configured for it.
 */
@Service
public class DocumentSigning {

    /** The signed PDF and the name the signer's certificate carries. */
    public record Signed(byte[] pdf, String signerName) {}

    private final SigningCertificates certificates;
    private final Signers signers;
    private final PdfSigner signer;
    private final Clock clock;

    DocumentSigning(SigningCertificates certificates, Signers signers, PdfSigner signer, Clock clock) {
        this.certificates = certificates;
        this.signers = signers;
        this.signer = signer;
        this.clock = clock;
    }

    public Signed asPerson(byte[] pdf, SignatureAppearance appearance, String userId) {
        return sign(pdf, appearance, certificates.forPerson(userId, clock.instant()));
    }

    public Signed asOrganisation(byte[] pdf, SignatureAppearance appearance, String agencyCode) {
        return sign(pdf, appearance, certificates.forOrganisation(agencyCode, clock.instant()));
    }

    private Signed sign(byte[] pdf, SignatureAppearance appearance, SigningCertificate registered) {
        KeyProvider key = signers.get(registered.signerId());
        return new Signed(signer.sign(pdf, appearance, key), registered.commonName());
    }

    /**
     * The organisation's seal over the left third of the document's last signature (NĐ 30/2020, Phụ lục I), with
     * {@code note} (the number and date the records clerk gives) under the organisation's name.
     */
    public static SignatureAppearance sealOverLastSignature(byte[] pdf, String note) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignatureField> fields =
                    document.getSignatureDictionaries().isEmpty() ? List.of() : document.getSignatureFields();
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("The document has no signature to put the seal over");
            }
            PDAnnotationWidget widget =
                    fields.get(fields.size() - 1).getWidgets().get(0);
            PDRectangle field = widget.getRectangle();
            int page = document.getPages().indexOf(widget.getPage()) + 1;
            float pageHeight =
                    document.getPage(Math.max(page, 1) - 1).getMediaBox().getHeight();
            float height = field.getHeight() * 1.4f;
            float width = 170;
            // over the left part of the signature, most of the seal to its left: the seal's text stays readable
            float x = field.getLowerLeftX() - width * 0.78f;
            float top = pageHeight - field.getUpperRightY() - (height - field.getHeight()) / 2;
            return new SignatureAppearance(
                            SignatureAppearance.Kind.ORGANISATION_SEAL,
                            Math.max(page, 1),
                            x,
                            top,
                            width,
                            height,
                            java.util.Optional.empty())
                    .withNote(note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
