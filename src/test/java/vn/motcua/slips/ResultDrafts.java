package vn.motcua.slips;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ApplicationContext;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.signing.SignatureAppearance;

/**
 * The benchmark's baseline for signing: a dossier's unsigned result, written as {@link ResultSignature} writes it
 * before the leader signs (the procedure's template filled from the dossier and its process variables, the leader's
 * name looked up; the template reads only the plain variables, texts and numbers). The dossier and its variables are
 * read once; {@link #write} only writes the PDF.
 */
public final class ResultDrafts {

    /** The unsigned result and where the leader's signature goes. */
    public record Draft(byte[] pdf, SignatureAppearance leader) {}

    private final ResultDocuments documents;
    private final Dossier dossier;
    private final Map<String, Object> variables = new HashMap<>();
    private final String leader;

    /** {@code dossierCode}: a dossier whose process ran; {@code leader}: the user id who signs its result. */
    public ResultDrafts(ApplicationContext context, String dossierCode, String leader) {
        this.documents = context.getBean(ResultDocuments.class);
        this.dossier = context.getBean(Dossiers.class).find(dossierCode).orElseThrow();
        this.leader = leader;
        HistoryService history = context.getBean(HistoryService.class);
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(dossierCode)
                .processDefinitionKey("standard_procedure")
                .singleResult();
        history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId())
                .disableCustomObjectDeserialization()
                .list()
                .stream()
                .filter(variable -> variable.getTypedValue().getType().isPrimitiveValueType())
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    }

    public Draft write() {
        ResultDocuments.Draft draft = documents.draft(dossier, variables, false, leader);
        return new Draft(draft.pdf(), draft.leader());
    }
}
