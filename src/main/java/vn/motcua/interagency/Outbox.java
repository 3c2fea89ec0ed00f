package vn.motcua.interagency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/** Writes outgoing handoffs, signed and ready to send, in the transaction of the engine step that sends them. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class Outbox {

    /** What a send step hands over: the dossier, the message, who sends it to whom, and the data that travels. */
    record Outgoing(
            String dossierCode,
            String messageName,
            String senderProcedureCode,
            String handoffAgency,
            String receiverAgency,
            String procedure,
            Map<String, Object> payload,
            String processInstanceId,
            String activityId) {}

    private final OutboxMapper outbox;
    private final InteragencySettings settings;
    private final Procedures procedures;
    private final Dossiers dossiers;
    private final DeliveryWorker worker;
    private final KeyRing keys;
    private final ObjectMapper json;
    private final WallClock clock;

    Outbox(
            OutboxMapper outbox,
            InteragencySettings settings,
            Procedures procedures,
            Dossiers dossiers,
            DeliveryWorker worker,
            KeyRing keys,
            ObjectMapper json,
            WallClock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.worker = worker;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** @return the new message's id */
    String send(Outgoing message) {
        if (message.dossierCode() == null) {
            throw new IllegalStateException(
                    "A handoff needs the dossier code as the process's business key (" + message.activityId() + ")");
        }
        if (!settings.isKnown(message.receiverAgency())) {
            throw new IllegalStateException("Handoff " + message.activityId() + " of dossier " + message.dossierCode()
                    + " goes to agency '" + message.receiverAgency() + "', which is neither served here"
                    + " (motcua.interagency.local-agencies) nor a peer (motcua.interagency.peers)");
        }
        String sender = senderAgency(message);
        LocalDateTime now = clock.now();
        JsonNode payload = json.valueToTree(message.payload());
        Envelope envelope = new Envelope(
                UUID.randomUUID().toString(),
                message.messageName(),
                message.dossierCode(),
                sender,
                message.receiverAgency(),
                message.procedure(),
                clock.instant(now),
                payload,
                Ed25519.sha256(bytes(payload)),
                dossiers.find(message.dossierCode()).map(this::block).orElse(null));
        byte[] body = bytes(envelope);
        KeyRing.Signed signed = keys.sign(sender, body);
        outbox.insert(new OutboxMapper.Row(
                envelope.messageId(),
                envelope.dossierCode(),
                envelope.messageName(),
                sender,
                envelope.receiverAgency(),
                envelope.procedure(),
                message.processInstanceId(),
                message.activityId(),
                new String(body, StandardCharsets.UTF_8),
                envelope.payloadSha256(),
                signed.signature(),
                "PENDING",
                0,
                now,
                null,
                null,
                null,
                now,
                null,
                null,
                null,
                null,
                null,
                signed.keyId(),
                null,
                0,
                now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.nudge();
                }
            });
        }
        return envelope.messageId();
    }

    /** The agency of the procedure the sending process runs: it signs, so this installation must serve it. */
    private String senderAgency(Outgoing message) {
        if (message.handoffAgency() != null && settings.isLocal(message.handoffAgency())) {
            // a process started by a request sends as the agency the request was addressed to (e.g. the consulted one,
            // which runs under the asking agency's procedure code)
            return message.handoffAgency();
        }
        Procedure procedure = procedures
                .find(message.senderProcedureCode())
                .orElseThrow(() -> new IllegalStateException("Handoff " + message.activityId() + " of dossier "
                        + message.dossierCode()
                        + ": the process has no catalogue procedure in variable procedureCode ('"
                        + message.senderProcedureCode() + "')"));
        if (!settings.isLocal(procedure.agencyCode())) {
            throw new IllegalStateException("Handoff " + message.activityId() + ": the sending agency "
                    + procedure.agencyCode() + " is not served by this installation"
                    + " (motcua.interagency.local-agencies)");
        }
        return procedure.agencyCode();
    }

    private Envelope.DossierBlock block(Dossier dossier) {
        return new Envelope.DossierBlock(
                dossier.procedureCode(),
                dossier.agencyCode(),
                dossier.applicant().kind() == null
                        ? null
                        : dossier.applicant().kind().name(),
                dossier.applicant().name(),
                dossier.applicant().idNumber(),
                dossier.applicant().address(),
                dossier.summary(),
                dossier.receivedAt() == null ? null : clock.offset(dossier.receivedAt()),
                dossier.dueAt() == null ? null : clock.offset(dossier.dueAt()));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A handoff's payload cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
