package vn.motcua.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.sla.ApologyIssued;

/**
 * Feeds the read model from the durable events, each after its publishing transaction committed, in a transaction of
 * its own; an incomplete delivery is delivered again later, which the read model absorbs (EventPublications).
 */
@Component
class ReadModelListeners {

    private final ReadModel model;

    ReadModelListeners(ReadModel model) {
        this.model = model;
    }

    @ApplicationModuleListener
    void on(DossierFiled filed) {
        model.apply(filed);
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged changed) {
        model.apply(changed);
    }

    @ApplicationModuleListener
    void on(ResultIssued result) {
        model.apply(result);
    }

    @ApplicationModuleListener
    void on(DossierReturned returned) {
        model.apply(returned);
    }

    @ApplicationModuleListener
    void on(ApologyIssued apology) {
        model.apply(apology);
    }
}
