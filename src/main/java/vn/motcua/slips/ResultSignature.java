package vn.motcua.slips;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Step;
import vn.motcua.signing.DocumentSigning;
import vn.motcua.signing.SignedDocument;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.SigningRefused;
import vn.motcua.signing.SigningRequests;
import vn.motcua.workflow.ExtensionProperties;

/**
 * The signing steps of a result, as service tasks any model can use ({@code camunda:delegateExpression="${resultSignature}"}):
 * <ul>
 *   <li>property {@code signature} = {@code person}: the result document is written from the procedure's template and
 *       signed by the official who completed the step named by property {@code signedAt} (the leader's approval,
 *       e.g. {@code Task_SignResult}), with that official's registered certificate; a reasoned refusal when the
 *       variable {@code appraisalOutcome} is {@code reject};
 *   <li>{@code signature} = {@code seal}: the records clerk's issuing step — the organisation's seal over the leader's
 *       signature, with the number in the variable that property {@code number} names (e.g. {@code resultNumber})
 *       and today's date.
 * </ul>
 * Each signed revision is stored once ({@link SignedDocuments}) in the step's transaction and its id is the variable
 * {@code resultDocument}; the sealed one is announced there too ({@link ResultDocumentSealed}). A signature that must not be made (no certificate, expired, revoked) fails the step with the
 * reason, so the official's completion is refused and nothing is stored.
 */
@Component("resultSignature")
class ResultSignature implements JavaDelegate {

    /** Revisions of a result: the leader's signature, then the seal that issues it. */
    static final int SIGNED = 1;

    static final int SEALED = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final ResultDocuments documents;
    private final DocumentSigning signing;
    private final SignedDocuments stored;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResultSignature(
            Dossiers dossiers,
            Procedures procedures,
            ResultDocuments documents,
            DocumentSigning signing,
            SignedDocuments stored,
            ApplicationEventPublisher events,
            Clock clock) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.documents = documents;
        this.signing = signing;
        this.stored = stored;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            sign(execution);
        } catch (SigningRefused refused) {
            throw new UserError(
                    HttpStatus.CONFLICT,
                    "Không ký được văn bản kết quả của hồ sơ " + execution.getProcessBusinessKey() + ": "
                            + refused.vietnamese() + " Hồ sơ chưa được chuyển bước.",
                    "The result of dossier " + execution.getProcessBusinessKey() + " cannot be signed: "
                            + refused.english() + " The dossier was not moved on.");
        }
    }

    private void sign(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        Map<String, String> properties = ExtensionProperties.of(element);
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> new IllegalStateException("No dossier " + code + " for " + element.getId()));
        String kind = properties.get("signature");
        if ("person".equals(kind)) {
            signByPerson(execution, dossier, required(properties, "signedAt", element));
        } else if ("seal".equals(kind)) {
            execution.setVariable(
                    "resultDocument",
                    seal(execution, dossier, required(properties, "number", element))
                            .id());
        } else {
            throw new IllegalStateException("Step " + element.getId()
                    + " needs the property signature = person (the leader's signature) or seal (the clerk's)");
        }
    }

    /**
     * The leader's signature: {@code signature} = {@code signed} with {@code resultDocument}, or {@code pending}
     * when the leader approves on the phone or signs on their own PC (the model then waits for
     * {@link SigningRequests#RETURNED}).
     */
    private void signByPerson(DelegateExecution execution, Dossier dossier, String signedAt) {
        String leader = dossiers.steps(dossier.code()).stream()
                .filter(step -> signedAt.equals(step.stepKey()) && step.completedBy() != null)
                .max(Comparator.comparing(Step::completedAt))
                .map(Step::completedBy)
                .orElseThrow(() -> new IllegalStateException(
                        "Dossier " + dossier.code() + " has no completed step " + signedAt + " whose official signs"));
        boolean refused = "reject".equals(execution.getVariable("appraisalOutcome"));
        ResultDocuments.Draft draft = documents.draft(dossier, execution.getVariables(), refused, leader);
        String fileName = "ket-qua-" + dossier.code() + ".pdf";
        DocumentSigning.Outcome outcome = signing.asPerson(
                draft.pdf(),
                draft.leader(),
                leader,
                new SigningRequests.Target(
                        dossier.code(), execution.getProcessInstanceId(), SignedDocuments.RESULT, fileName, leader));
        if (outcome instanceof DocumentSigning.Signed signed) {
            SignedDocument document =
                    stored.store(dossier.code(), SignedDocuments.RESULT, fileName, signed.pdf(), signed.signerName());
            execution.setVariable("signature", "signed");
            execution.setVariable("resultDocument", document.id());
        } else {
            execution.setVariable("signature", "pending");
            execution.setVariable("signingRequest", ((DocumentSigning.Waiting) outcome).request());
        }
    }

    private SignedDocument seal(DelegateExecution execution, Dossier dossier, String numberVariable) {
        SignedDocument signed = stored.latest(dossier.code(), SignedDocuments.RESULT)
                .filter(document -> document.revision() == SIGNED)
                .orElseThrow(() -> new IllegalStateException(
                        "Dossier " + dossier.code() + " has no result signed by its leader to seal"));
        Object number = execution.getVariable(numberVariable);
        String note = "Số: " + number + ", ngày " + DAY.format(LocalDate.now(clock));
        byte[] pdf = stored.content(signed);
        Procedure procedure = procedures
                .version(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        DocumentSigning.Signed sealed = signing.asOrganisation(
                pdf,
                DocumentSigning.sealOverLastSignature(pdf, note),
                procedure.agencyCode(),
                DocumentSigning.Kept.FOR_YEARS);
        SignedDocument issued = stored.store(
                dossier.code(),
                SignedDocuments.RESULT,
                signed.fileName(),
                sealed.pdf(),
                signed.signers() + "; " + sealed.signerName());
        events.publishEvent(new ResultDocumentSealed(dossier.code(), issued.id(), issued.sha256(), issued.createdAt()));
        return issued;
    }

    private static String required(Map<String, String> properties, String name, FlowElement element) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Step " + element.getId() + " needs the property " + name);
        }
        return value;
    }
}
