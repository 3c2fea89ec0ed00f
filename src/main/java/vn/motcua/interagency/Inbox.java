package vn.motcua.interagency;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossiers;

/**
 * Takes handoffs addressed to the agencies this installation serves, from peers over HTTP and from the local delivery
 * worker alike: the envelope is checked ({@link EnvelopeCheck}) and admitted ({@link Admission}) before anything is
 * stored, then kept by its id (a second delivery is a duplicate with no second effect) and correlated with the
 * dossier's process in the same transaction. A reply nobody waits for yet is parked with the reason, and taken again
 * when it is delivered again.
 */
@Service
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    static final String VAR_HANDOFF_FROM = "handoffFrom";
    static final String VAR_PROCEDURE_CODE = "procedureCode";
    static final String VAR_PROCEDURE_NAME = "procedureName";
    static final String VAR_PROCEDURE_VERSION = "procedureVersion";
    static final String VAR_DOSSIER_CODE = "dossierCode";
    /** The agency a request was addressed to: what the started process sends, it sends as that agency. */
    static final String VAR_HANDOFF_AGENCY = "handoffAgency";

    private final InboxMapper inbox;
    private final EnvelopeCheck check;
    private final Admission admission;
    private final RuntimeService runtime;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final WallClock clock;
    private final HandoffMetrics metrics;
    private final Answers answers;
    private final Refusals refusals;
    private final TransactionTemplate transaction;

    Inbox(
            InboxMapper inbox,
            EnvelopeCheck check,
            Admission admission,
            RuntimeService runtime,
            Dossiers dossiers,
            Procedures procedures,
            WallClock clock,
            HandoffMetrics metrics,
            Answers answers,
            Refusals refusals,
            PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.check = check;
        this.admission = admission;
        this.runtime = runtime;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.clock = clock;
        this.metrics = metrics;
        this.answers = answers;
        this.refusals = refusals;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One delivery: the exact body bytes, the sender's signature and key id, and where it came from (for the log). */
    Answer receive(byte[] body, KeyRing.Signed signed, String from) {
        EnvelopeCheck.Checked checked = check.check(body, signed);
        Envelope envelope = checked.envelope();
        if (checked.refusal() != null) {
            return refuse(checked.refusal(), envelope, body, from);
        }
        Optional<InboxMapper.Row> taken =
                inbox.find(envelope.messageId()).filter(row -> "CORRELATED".equals(row.status()));
        if (taken.isPresent()) {
            // a delivery again of what was taken (the sender lost our acknowledgement): no second effect
            Answer again = answers.acknowledgement(
                    envelope.messageId(),
                    "DUPLICATE",
                    taken.get().receivedAt(),
                    taken.get().receiverAgency());
            metrics.received(again.outcome());
            return again;
        }
        Admission.Decision decision = admission.decide(envelope);
        if (decision.refusal() != null) {
            return refuse(decision.refusal(), envelope, body, from);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Answer answer = decision.waiting()
                ? accept(envelope, decision, text, signed)
                : park(envelope, text, signed, "nobody waits for it");
        metrics.received(answer.outcome());
        return answer;
    }

    private Answer refuse(Admission.Refusal refusal, Envelope envelope, byte[] body, String from) {
        return refusals.refuse(refusal.status(), envelope, body, from, refusal.vietnamese(), refusal.english());
    }

    /** A parked message taken again on an operator's request, with the body and signature it came with. */
    Optional<Answer> retryParked(String messageId) {
        return inbox.find(messageId)
                .filter(row -> "PARKED".equals(row.status()))
                .map(row -> receive(
                        row.envelope().getBytes(StandardCharsets.UTF_8),
                        new KeyRing.Signed(row.keyId(), row.signature()),
                        "retry"));
    }

    private Answer accept(Envelope envelope, Admission.Decision decision, String body, KeyRing.Signed signed) {
        Answer answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = transaction.execute(status -> correlate(envelope, decision, body, signed));
            } catch (MismatchingMessageCorrelationException nobodyWaits) {
                answer = park(envelope, body, signed, nobodyWaits.getMessage());
            } catch (DuplicateKeyException | OptimisticLockingException conflict) {
                // a concurrent delivery of the same message, a concurrent mirror of the same dossier, or a concurrent
                // step of the same process: the other transaction has committed; look again
                Optional<InboxMapper.Row> taken =
                        inbox.find(envelope.messageId()).filter(row -> "CORRELATED".equals(row.status()));
                if (taken.isPresent()) {
                    answer = answers.acknowledgement(
                            envelope.messageId(),
                            "DUPLICATE",
                            taken.get().receivedAt(),
                            taken.get().receiverAgency());
                } else if (attempt == 3) {
                    answer = failed(envelope, conflict);
                }
            } catch (RuntimeException failure) {
                answer = failed(envelope, failure);
            }
        }
        return answer;
    }

    /** Nobody waits for the message: it is kept, with the reason, for a later delivery or an operator's retry. */
    private Answer park(Envelope envelope, String body, KeyRing.Signed signed, String why) {
        String reason = reasonFor(envelope);
        transaction.executeWithoutResult(status -> {
            if (inbox.find(envelope.messageId()).isPresent()) {
                inbox.parkedAgain(envelope.messageId(), reason);
            } else {
                inbox.insert(row(envelope, body, signed, "PARKED", reason, clock.now()));
            }
        });
        log.warn(
                "Parked handoff {} {} for dossier {} from {}: {}",
                envelope.messageId(),
                envelope.messageName(),
                envelope.dossierCode(),
                envelope.senderAgency(),
                why);
        return answers.problem(HttpStatus.UNPROCESSABLE_ENTITY, "PARKED", reason, englishReasonFor(envelope));
    }

    /** The receiving process failed (an incident here): nothing was stored, and the sender will try again later. */
    private Answer failed(Envelope envelope, RuntimeException failure) {
        log.error(
                "Handoff {} {} for dossier {} could not be taken; the sender will retry",
                envelope.messageId(),
                envelope.messageName(),
                envelope.dossierCode(),
                failure);
        return answers.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "ERROR",
                "Hệ thống nhận chưa xử lý được thông điệp " + envelope.messageName() + "; bên gửi sẽ gửi lại sau.",
                "The receiving system could not take the message " + envelope.messageName() + " ("
                        + failure.getClass().getSimpleName() + "); the sender will retry.");
    }

    private Answer correlate(Envelope envelope, Admission.Decision decision, String body, KeyRing.Signed signed) {
        Optional<InboxMapper.Row> existing = inbox.find(envelope.messageId());
        LocalDateTime now = clock.now();
        if (existing.isPresent()) {
            InboxMapper.Row row = existing.get();
            if (!"PARKED".equals(row.status()) || inbox.unpark(row.messageId()) == 0) {
                return answers.acknowledgement(
                        envelope.messageId(), "DUPLICATE", row.receivedAt(), row.receiverAgency());
            }
        } else {
            inbox.insert(row(envelope, body, signed, "CORRELATED", null, now));
        }
        if (envelope.isRequest()
                && envelope.dossier() != null
                && dossiers.find(envelope.dossierCode()).isEmpty()) {
            String mirrored = envelope.dossier().procedureCode() == null
                    ? envelope.procedure()
                    : envelope.dossier().procedureCode();
            int version = procedures.find(mirrored).map(Procedure::version).orElse(1);
            dossiers.registerReceived(envelope.dossierCode(), Mirror.of(envelope, version, clock));
        }
        MessageCorrelationBuilder correlation =
                runtime.createMessageCorrelation(envelope.messageName()).setVariables(variables(envelope));
        // only where admission looked: the process the request may start, or the instance the reply may reach
        MessageCorrelationResult result = decision.processDefinitionId() != null
                ? correlation
                        .processDefinitionId(decision.processDefinitionId())
                        .processInstanceBusinessKey(envelope.dossierCode())
                        .startMessageOnly()
                        .correlateWithResult()
                : correlation.processInstanceId(decision.processInstanceId()).correlateWithResult();
        String processInstanceId = result.getResultType() == MessageCorrelationResultType.ProcessDefinition
                ? result.getProcessInstance().getId()
                : result.getExecution().getProcessInstanceId();
        Answer ack = answers.acknowledgement(envelope.messageId(), "ACCEPTED", now, envelope.receiverAgency());
        inbox.correlated(
                envelope.messageId(),
                now,
                processInstanceId,
                new String(ack.body(), StandardCharsets.UTF_8),
                ack.signature(),
                ack.keyId());
        log.info(
                "Took handoff {} {} for dossier {} from {} (process {})",
                envelope.messageId(),
                envelope.messageName(),
                envelope.dossierCode(),
                envelope.senderAgency(),
                processInstanceId);
        return ack;
    }

    private InboxMapper.Row row(
            Envelope envelope, String body, KeyRing.Signed signed, String status, String reason, LocalDateTime now) {
        return new InboxMapper.Row(
                envelope.messageId(),
                envelope.dossierCode(),
                envelope.messageName(),
                envelope.senderAgency(),
                envelope.receiverAgency(),
                envelope.isRequest() ? envelope.procedure() : null,
                body,
                envelope.payloadSha256(),
                signed.signature().trim(),
                status,
                reason,
                1,
                now,
                null,
                null,
                null,
                null,
                signed.keyId(),
                null);
    }

    private Map<String, Object> variables(Envelope envelope) {
        Map<String, Object> variables = new HashMap<>();
        if (envelope.payload() != null) {
            envelope.payload()
                    .fields()
                    .forEachRemaining(field -> variables.put(field.getKey(), value(field.getValue())));
        }
        variables.put(VAR_HANDOFF_FROM, envelope.senderAgency());
        if (envelope.isRequest()) {
            variables.put(VAR_PROCEDURE_CODE, envelope.procedure());
            variables.put(VAR_DOSSIER_CODE, envelope.dossierCode());
            variables.put(VAR_HANDOFF_AGENCY, envelope.receiverAgency());
            // the part this request starts keeps the version of its procedure in force now, as a filing would
            procedures.find(envelope.procedure()).ifPresent(procedure -> {
                variables.put(VAR_PROCEDURE_NAME, procedure.name());
                variables.put(VAR_PROCEDURE_VERSION, procedure.version());
            });
        }
        return variables;
    }

    /** Scalars stay what they are; objects and arrays become their JSON text (the engine keeps no Java objects). */
    private Object value(JsonNode node) {
        if (node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        if (node.isBoolean()) return node.asBoolean();
        if (node.isInt()) return node.asInt();
        if (node.isIntegralNumber()) return node.asLong();
        if (node.isNumber()) return node.asDouble();
        return node.toString();
    }

    private static String reasonFor(Envelope envelope) {
        return envelope.isRequest()
                ? "Không có quy trình nào bắt đầu bằng thông điệp " + envelope.messageName() + " cho hồ sơ "
                        + envelope.dossierCode() + "."
                : "Không có hồ sơ " + envelope.dossierCode() + " nào đang chờ thông điệp " + envelope.messageName()
                        + ".";
    }

    private static String englishReasonFor(Envelope envelope) {
        return envelope.isRequest()
                ? "No process starts with the message " + envelope.messageName() + " (dossier " + envelope.dossierCode()
                        + "); the message is parked."
                : "No process of dossier " + envelope.dossierCode() + " waits for the message " + envelope.messageName()
                        + "; the message is parked.";
    }
}
