package vn.motcua.reporting;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import vn.motcua.slips.ResultDocumentSealed;

/**
 * Which dossiers have their result as a sealed electronic document, from {@link ResultDocumentSealed} alone (766
 * indicator 4.1). A redelivered event finds its row and changes nothing; a later seal of the same dossier (a result
 * issued again) takes its place. A rebuild of the read model leaves these rows: no table of ours holds the fact.
 */
@Component
class SealedResults {

    private static final Logger log = LoggerFactory.getLogger(SealedResults.class);

    private final SealedResultMapper rows;

    SealedResults(SealedResultMapper rows) {
        this.rows = rows;
    }

    void apply(ResultDocumentSealed sealed) {
        try {
            rows.insert(sealed.dossierCode(), sealed.documentId(), sealed.sha256(), sealed.sealedAt());
        } catch (DuplicateKeyException again) {
            int replaced =
                    rows.replaceOlder(sealed.dossierCode(), sealed.documentId(), sealed.sha256(), sealed.sealedAt());
            log.info(
                    "Sealed result of {} known already: {}", sealed.dossierCode(), replaced == 0 ? "kept" : "replaced");
        }
    }

    /** Of the dossiers resolved in [from, to), of one agency or all: how many, and how many have a sealed result. */
    SealedResultMapper.Resolved resolved(LocalDateTime from, LocalDateTime to, String agency) {
        return rows.resolved(from, to, agency);
    }
}
