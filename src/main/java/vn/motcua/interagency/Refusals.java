package vn.motcua.interagency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages refused before they could have any effect (not an envelope, unknown sender, bad signature, not for this
 * installation): logged with WARN and kept as a refusal record, the evidence of an attempt that was turned away.
 */
@Component
class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final InboxMapper inbox;
    private final Answers answers;
    private final HandoffMetrics metrics;
    private final WallClock clock;
    private final TransactionTemplate transaction;

    Refusals(
            InboxMapper inbox,
            Answers answers,
            HandoffMetrics metrics,
            WallClock clock,
            PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.answers = answers;
        this.metrics = metrics;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Answer refuse(HttpStatus status, Envelope envelope, byte[] body, String from, String vietnamese, String english) {
        String messageId = envelope == null ? null : envelope.messageId();
        String sender = envelope == null ? null : envelope.senderAgency();
        String receiver = envelope == null ? null : envelope.receiverAgency();
        log.warn(
                "Refused handoff {} from {} ({} → {}): {} {}",
                messageId,
                from,
                sender,
                receiver,
                status.value(),
                english);
        metrics.refused();
        try {
            transaction.executeWithoutResult(tx -> inbox.insertRefusal(
                    clock.now(),
                    cut(messageId, 100),
                    cut(sender, 100),
                    cut(receiver, 100),
                    status.value(),
                    cut(english, 2000),
                    cut(from, 100),
                    Ed25519.sha256(body)));
        } catch (RuntimeException notStored) {
            log.warn("Could not store the refusal of handoff {}: {}", messageId, notStored.toString());
        }
        return answers.problem(status, "REFUSED", vietnamese, english);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
