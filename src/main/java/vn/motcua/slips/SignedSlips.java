package vn.motcua.slips;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.Dossiers;
import vn.motcua.signing.DocumentSigning;
import vn.motcua.signing.SignedDocument;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.SigningRefused;

/**
 * The slips as the agency issues them (issue 13 §4): each is written once at its moment — the receipt when the dossier
 * is accepted, the supplement request at the supplement decision, the refusal slip at the refusal —, sealed with the
 * certificate of the agency whose one-stop shop receives the procedure, in the space where the slip's receiver signs
 * (timestamped, B-T: a slip serves while its dossier is processed, {@link DocumentSigning.Kept#WHILE_PROCESSED}),
 * and stored ({@link SignedDocuments}, kind {@link SlipKind#name()}), all in the transaction of the step that changed
 * the status: a step that rolls back leaves no slip, and a seal that cannot be made (no certificate registered for
 * the agency, expired, revoked) refuses the step with that reason. A second supplement request is the next revision.
 *
 * <p>The stored slip is the agency's official copy and never carries the applicant's secret (stored hashed, nobody can
 * read it back). The applicant's copy with the secret is written and sealed again when the right secret is sent
 * ({@link #copyWithSecret}), and never stored.
 */
@Component
class SignedSlips {

    private static final Logger log = LoggerFactory.getLogger(SignedSlips.class);

    private final Dossiers dossiers;
    private final Slips slips;
    private final DocumentSigning signing;
    private final SignedDocuments stored;

    SignedSlips(Dossiers dossiers, Slips slips, DocumentSigning signing, SignedDocuments stored) {
        this.dossiers = dossiers;
        this.slips = slips;
        this.signing = signing;
        this.stored = stored;
    }

    /** The slip's moment: synchronous, in the transaction of the step (or filing) that moved the dossier. */
    @EventListener
    void on(DossierStatusChanged changed) {
        Optional<SlipKind> kind = momentOf(changed.to());
        if (kind.isEmpty()) {
            return;
        }
        Dossier dossier = dossiers.find(changed.dossierCode()).orElseThrow();
        if (!slips.exists(dossier, kind.get())) {
            // e.g. a status reached without the reception's decision (an outcome a model names otherwise): no slip
            log.info("Dossier {} reached {} without a {} to issue", dossier.code(), changed.to(), kind.get());
            return;
        }
        issue(dossier, kind.get());
    }

    static Optional<SlipKind> momentOf(DossierStatus status) {
        return switch (status) {
            case ACCEPTED -> Optional.of(SlipKind.RECEIPT);
            case SUPPLEMENT_REQUESTED -> Optional.of(SlipKind.SUPPLEMENT);
            case REFUSED -> Optional.of(SlipKind.REFUSAL);
            default -> Optional.empty();
        };
    }

    SignedDocument issue(Dossier dossier, SlipKind kind) {
        DocumentSigning.Signed sealed;
        try {
            sealed = sealed(dossier, kind, Optional.empty());
        } catch (SigningRefused refused) {
            // the step that brought the slip's moment is refused with the reason: nothing of it is stored
            throw UserError.conflict(
                    "Không thể đóng dấu " + kind.title().toLowerCase(Locale.ROOT) + " của hồ sơ " + dossier.code()
                            + ": " + refused.vietnamese() + " Hồ sơ chưa được chuyển bước.",
                    "The " + kind.name().toLowerCase(Locale.ROOT) + " slip of dossier " + dossier.code()
                            + " cannot be sealed: " + refused.english() + " The dossier was not moved on.");
        }
        return stored.store(dossier.code(), kind.name(), fileName(dossier, kind), sealed.pdf(), sealed.signerName());
    }

    /** The slip as stored at its moment; empty for a moment that came before slips were stored, or has not come. */
    Optional<SignedDocument> stored(Dossier dossier, SlipKind kind) {
        return stored.latest(dossier.code(), kind.name());
    }

    byte[] content(SignedDocument document) {
        return stored.content(document);
    }

    /** The applicant's copy: the slip written now with the secret they sent, sealed now, not stored. */
    byte[] copyWithSecret(Dossier dossier, SlipKind kind, String verifiedSecret) {
        return sealed(dossier, kind, Optional.of(verifiedSecret)).pdf();
    }

    private DocumentSigning.Signed sealed(Dossier dossier, SlipKind kind, Optional<String> secret) {
        Slips.Slip slip = slips.slip(dossier, kind, secret);
        return signing.asOrganisation(
                slip.pdf(), slip.seal(), slips.receivingAgencyCode(dossier), DocumentSigning.Kept.WHILE_PROCESSED);
    }

    static String fileName(Dossier dossier, SlipKind kind) {
        return kind.slug() + "-" + dossier.code() + ".pdf";
    }
}
