package vn.motcua.interagency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;

/**
 * Takes handoffs addressed to the agencies this installation serves, from peers over HTTP and from the local delivery
 * worker alike: checks the sender's HMAC, stores the message by its id (a second delivery is a duplicate with no second
 * effect) and correlates it with the dossier's process in the same transaction. A message nobody waits for is parked
 * with the reason, and taken again when it is delivered again.
 */
@Service
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    static final String VAR_HANDOFF_FROM = "handoffFrom";
    static final String VAR_PROCEDURE_CODE = "procedureCode";
    static final String VAR_PROCEDURE_NAME = "procedureName";
    static final String VAR_DOSSIER_CODE = "dossierCode";

    private final InboxMapper inbox;
    private final InteragencySettings settings;
    private final RuntimeService runtime;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final ObjectMapper json;
    private final WallClock clock;
    private final HandoffMetrics metrics;
    private final Answers answers;
    private final Refusals refusals;
    private final TransactionTemplate transaction;

    Inbox(
            InboxMapper inbox,
            InteragencySettings settings,
            RuntimeService runtime,
            Dossiers dossiers,
            Procedures procedures,
            ObjectMapper json,
            WallClock clock,
            HandoffMetrics metrics,
            Answers answers,
            Refusals refusals,
            PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.settings = settings;
        this.runtime = runtime;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.answers = answers;
        this.refusals = refusals;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One delivery: the exact body bytes, the sender's signature header, and where it came from (for the log). */
    Answer receive(byte[] body, String signature, String from) {
        Envelope envelope;
        try {
            envelope = json.readValue(body, Envelope.class);
        } catch (IOException notAnEnvelope) {
            return refusals.refuse(
                    HttpStatus.BAD_REQUEST,
                    null,
                    body,
                    from,
                    "Thông điệp liên thông không đúng định dạng JSON của phong bì (envelope).",
                    "The message is not a JSON envelope.");
        }
        String missing = envelope == null ? "messageId" : envelope.missingField();
        if (missing != null) {
            return refusals.refuse(
                    HttpStatus.BAD_REQUEST,
                    envelope,
                    body,
                    from,
                    "Thông điệp liên thông thiếu trường bắt buộc: " + missing + ".",
                    "The envelope lacks the required field " + missing + ".");
        }
        if (!MESSAGE_ID.matcher(envelope.messageId()).matches()) {
            return refusals.refuse(
                    HttpStatus.BAD_REQUEST,
                    envelope,
                    body,
                    from,
                    "Mã thông điệp (messageId) không hợp lệ.",
                    "The messageId is not valid (at most 36 letters, digits and dashes).");
        }
        String oversized = envelope.oversizedField();
        if (oversized != null) {
            return refusals.refuse(
                    HttpStatus.BAD_REQUEST,
                    envelope,
                    body,
                    from,
                    "Trường " + oversized + " của thông điệp liên thông dài quá mức cho phép.",
                    "The envelope's field " + oversized + " is longer than allowed.");
        }
        Optional<byte[]> key = settings.keyOf(envelope.senderAgency());
        if (key.isEmpty()) {
            return refusals.refuse(
                    HttpStatus.FORBIDDEN,
                    envelope,
                    body,
                    from,
                    "Cơ quan gửi " + envelope.senderAgency() + " không có trong danh sách cơ quan liên thông.",
                    "The sending agency " + envelope.senderAgency() + " is not a known peer.");
        }
        if (!Hmac.verify(key.get(), body, signature)) {
            return refusals.refuse(
                    HttpStatus.UNAUTHORIZED,
                    envelope,
                    body,
                    from,
                    "Chữ ký của thông điệp liên thông không đúng: thông điệp bị từ chối.",
                    "The message signature (" + Hmac.HEADER + ") is missing or wrong: the message is refused.");
        }
        if (!payloadSha256(envelope.payload()).equals(envelope.payloadSha256())) {
            return refusals.refuse(
                    HttpStatus.BAD_REQUEST,
                    envelope,
                    body,
                    from,
                    "Mã băm của dữ liệu (payloadSha256) không khớp với dữ liệu gửi kèm.",
                    "payloadSha256 does not match the payload.");
        }
        if (!settings.isLocal(envelope.receiverAgency())) {
            return refusals.refuse(
                    HttpStatus.FORBIDDEN,
                    envelope,
                    body,
                    from,
                    "Hệ thống này không phục vụ cơ quan nhận " + envelope.receiverAgency() + ".",
                    "This installation does not serve the receiving agency " + envelope.receiverAgency() + ".");
        }
        return accept(
                envelope,
                new String(body, StandardCharsets.UTF_8),
                signature.trim().toLowerCase(Locale.ROOT));
    }

    /** A parked message taken again on an operator's request, with the body and signature it came with. */
    Optional<Answer> retryParked(String messageId) {
        return inbox.find(messageId)
                .filter(row -> "PARKED".equals(row.status()))
                .map(row -> receive(row.envelope().getBytes(StandardCharsets.UTF_8), row.signature(), "retry"));
    }

    private Answer accept(Envelope envelope, String body, String signature) {
        Answer answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = transaction.execute(status -> correlate(envelope, body, signature));
            } catch (MismatchingMessageCorrelationException nobodyWaits) {
                answer = park(envelope, body, signature, nobodyWaits);
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
        metrics.received(answer.outcome());
        return answer;
    }

    /** Nobody waits for the message: it is kept, with the reason, for a later delivery or an operator's retry. */
    private Answer park(Envelope envelope, String body, String signature, RuntimeException nobodyWaits) {
        String reason = reasonFor(envelope);
        transaction.executeWithoutResult(status -> {
            if (inbox.find(envelope.messageId()).isPresent()) {
                inbox.parkedAgain(envelope.messageId(), reason);
            } else {
                inbox.insert(row(envelope, body, signature, "PARKED", reason, clock.now()));
            }
        });
        log.warn(
                "Parked handoff {} {} for dossier {} from {}: {}",
                envelope.messageId(),
                envelope.messageName(),
                envelope.dossierCode(),
                envelope.senderAgency(),
                nobodyWaits.getMessage());
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

    private Answer correlate(Envelope envelope, String body, String signature) {
        Optional<InboxMapper.Row> existing = inbox.find(envelope.messageId());
        LocalDateTime now = clock.now();
        if (existing.isPresent()) {
            InboxMapper.Row row = existing.get();
            if (!"PARKED".equals(row.status()) || inbox.unpark(row.messageId()) == 0) {
                return answers.acknowledgement(
                        envelope.messageId(), "DUPLICATE", row.receivedAt(), row.receiverAgency());
            }
        } else {
            inbox.insert(row(envelope, body, signature, "CORRELATED", null, now));
        }
        if (envelope.isRequest()
                && envelope.dossier() != null
                && dossiers.find(envelope.dossierCode()).isEmpty()) {
            dossiers.registerReceived(envelope.dossierCode(), mirror(envelope));
        }
        MessageCorrelationResult result = runtime.createMessageCorrelation(envelope.messageName())
                .processInstanceBusinessKey(envelope.dossierCode())
                .setVariables(variables(envelope))
                .correlateWithResult();
        String processInstanceId = result.getResultType() == MessageCorrelationResultType.ProcessDefinition
                ? result.getProcessInstance().getId()
                : result.getExecution().getProcessInstanceId();
        Answer ack = answers.acknowledgement(envelope.messageId(), "ACCEPTED", now, envelope.receiverAgency());
        inbox.correlated(
                envelope.messageId(),
                now,
                processInstanceId,
                new String(ack.body(), StandardCharsets.UTF_8),
                ack.signature());
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
            Envelope envelope, String body, String signature, String status, String reason, LocalDateTime now) {
        return new InboxMapper.Row(
                envelope.messageId(),
                envelope.dossierCode(),
                envelope.messageName(),
                envelope.senderAgency(),
                envelope.receiverAgency(),
                envelope.isRequest() ? envelope.procedure() : null,
                body,
                envelope.payloadSha256(),
                signature,
                status,
                reason,
                1,
                now,
                null,
                null,
                null,
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
            procedures
                    .heading(envelope.procedure())
                    .ifPresent(procedure -> variables.put(VAR_PROCEDURE_NAME, procedure.name()));
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

    private NewDossier mirror(Envelope envelope) {
        Envelope.DossierBlock block = envelope.dossier();
        Applicant.Kind kind =
                "ORGANIZATION".equals(block.applicantKind()) ? Applicant.Kind.ORGANIZATION : Applicant.Kind.PERSON;
        LocalDateTime receivedAt = block.receivedAt() == null ? clock.now() : clock.local(block.receivedAt());
        return new NewDossier(
                block.procedureCode() == null ? envelope.procedure() : block.procedureCode(),
                block.agencyCode() == null ? envelope.senderAgency() : block.agencyCode(),
                NewDossier.Channel.LIENTHONG,
                new Applicant(
                        kind,
                        orEmpty(block.applicantName()),
                        orEmpty(block.applicantIdNumber()),
                        orEmpty(block.applicantAddress()),
                        null,
                        null),
                null,
                block.summary() == null ? envelope.messageName() : block.summary(),
                "{}",
                receivedAt,
                block.dueAt() == null ? receivedAt : clock.local(block.dueAt()),
                List.of());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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

    String payloadSha256(JsonNode payload) {
        try {
            return Hmac.sha256(json.writeValueAsBytes(payload == null ? json.createObjectNode() : payload));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
