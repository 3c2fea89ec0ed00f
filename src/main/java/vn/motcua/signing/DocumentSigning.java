package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
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

    /** A signature asked for: made now, or to come later (the process then waits for {@link SigningRequests#RETURNED}). */
    public sealed interface Outcome {}

    /** The signed PDF and the name the signer's certificate carries. */
    public record Signed(byte[] pdf, String signerName) implements Outcome {}

    /** The signer approves later (on the phone) or signs on their own PC: the waiting request's id. */
    public record Waiting(String request) implements Outcome {}

    private final SigningCertificates certificates;
    private final Signers signers;
    private final PdfSigner signer;
    private final SigningRequests requests;
    private final Clock clock;

    DocumentSigning(SigningCertificates certificates, Signers signers, PdfSigner signer, SigningRequests requests) {
        this.certificates = certificates;
        this.signers = signers;
        this.signer = signer;
        this.requests = requests;
        // a certificate is valid or revoked in real time, whatever time a test gives the engine
        this.clock = Clock.systemUTC();
    }

    /**
     * The official's own signature: made now with a key on the server, or asked of the official's remote signing
     * service or own PC, then {@link Waiting} in {@code target}'s process.
     */
    public Outcome asPerson(byte[] pdf, SignatureAppearance appearance, String userId, SigningRequests.Target target) {
        SigningCertificate registered = certificates.forPerson(userId, clock.instant());
        KeyProvider key = signers.get(registered.signerId());
        PreparedSignature prepared = signer.prepare(pdf, appearance, key.certificateChain());
        KeyProvider.Outcome outcome = key.sign(prepared.dataToSign(), PdfSigner.DIGEST);
        if (outcome instanceof KeyProvider.Signed signed) {
            return new Signed(signer.complete(prepared, signed.value()), registered.commonName());
        }
        if (outcome instanceof KeyProvider.Pending pending) {
            return new Waiting(requests.open(prepared, registered.signerId(), pending.reference(), target));
        }
        KeyProvider.Refused refused = (KeyProvider.Refused) outcome;
        throw new SigningRefused(refused.vietnamese(), refused.english());
    }

    /**
     * How long the signed document must stay verifiable, which sets the most its signature is made at: a result is
     * kept for years, after its certificates have expired, so it carries its revocation data (B-LT where the chain
     * allows); a slip serves while its dossier is processed, within its certificate's life, and is timestamped (B-T),
     * its revocation asked of the authority when it is verified.
     */
    public enum Kept {
        FOR_YEARS(SignatureLevel.PAdES_BASELINE_LT),
        WHILE_PROCESSED(SignatureLevel.PAdES_BASELINE_T);

        private final SignatureLevel atMost;

        Kept(SignatureLevel atMost) {
            this.atMost = atMost;
        }
    }

    /** The organisation's seal, made now: an organisation signs with a key on the server (a token or an HSM). */
    public Signed asOrganisation(byte[] pdf, SignatureAppearance appearance, String agencyCode, Kept kept) {
        SigningCertificate registered = certificates.forOrganisation(agencyCode, clock.instant());
        KeyProvider key = signers.get(registered.signerId());
        return new Signed(signer.sign(pdf, appearance, key, kept.atMost), registered.commonName());
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
