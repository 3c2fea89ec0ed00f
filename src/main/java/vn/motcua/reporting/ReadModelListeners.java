package vn.motcua.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.slips.ResultDocumentSealed;

/**
 * Feeds the read model from the durable events, each after its publishing transaction committed, on a thread of its
 * own and no transaction: the read model writes each in a transaction of its own, tried again after a deadlock. An incomplete delivery
 * is delivered again later, which the read model absorbs (EventPublications).
 */
@Component
class ReadModelListeners {

    private final ReadModel model;
    private final SealedResults sealedResults;

    ReadModelListeners(ReadModel model, SealedResults sealedResults) {
        this.model = model;
        this.sealedResults = sealedResults;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierFiled filed) {
        model.apply(filed);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierStatusChanged changed) {
        model.apply(changed);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ResultIssued result) {
        model.apply(result);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierReturned returned) {
        model.apply(returned);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApologyIssued apology) {
        model.apply(apology);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ResultDocumentSealed sealed) {
        sealedResults.apply(sealed);
    }
}
