package vn.motcua.interagency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages until each is acknowledged: to an agency served here through the inbox, to a peer over
 * HTTP. One thread per node, woken after each send step commits and every {@code poll}; a node takes a message with a
 * lease first, so several nodes on one database never send the same message at once. Failures wait with exponential
 * backoff until {@code max-attempts} or {@code max-age}, when the message is given up as DEAD with the reason; a refusal
 * (4xx, e.g. 422 nobody waits for it) marks it FAILED. Both wait for an operator's retry.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final OutboxMapper outbox;
    private final InteragencySettings settings;
    private final Inbox inbox;
    private final Answers answers;
    private final PeerClient peers;
    private final KeyRing keys;
    private final HandoffMetrics metrics;
    private final ObjectMapper json;
    private final WallClock clock;
    private final TransactionTemplate transaction;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    DeliveryWorker(
            OutboxMapper outbox,
            InteragencySettings settings,
            Inbox inbox,
            Answers answers,
            PeerClient peers,
            KeyRing keys,
            HandoffMetrics metrics,
            ObjectMapper json,
            WallClock clock,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.settings = settings;
        this.inbox = inbox;
        this.answers = answers;
        this.peers = peers;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Looks for due messages soon (after a send step committed, or an operator asked for a retry). */
    void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && settings.deliveryEnabled() && wakeUpPending.compareAndSet(false, true)) {
            running.execute(this::deliverDue);
        }
    }

    /** Sends what is due now; one call at a time per node (the worker's single thread, or a test). */
    synchronized void deliverDue() {
        wakeUpPending.set(false);
        if (!settings.deliveryEnabled()) {
            return;
        }
        try {
            List<String> due;
            do {
                due = outbox.due(clock.now(), BATCH);
                for (String messageId : due) {
                    LocalDateTime now = clock.now();
                    if (outbox.claim(messageId, owner, now, now.plus(settings.lease())) == 1) {
                        outbox.find(messageId).ifPresent(this::deliver);
                    }
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException unexpected) {
            // the database may be away for a moment: the next poll tries again
            log.warn("Handoff delivery round failed: {}", unexpected.toString());
        }
    }

    private void deliver(OutboxMapper.Row message) {
        Answer answer;
        try {
            answer = send(message);
        } catch (IOException | RuntimeException failure) {
            retryLater(message, null, describe(failure));
            return;
        }
        if (answer.acknowledged()) {
            acknowledged(message, answer);
        } else if (answer.status() >= 400 && answer.status() < 500) {
            refused(message, answer);
        } else {
            retryLater(message, answer.status(), "HTTP " + answer.status() + ": " + reason(answer));
        }
    }

    private Answer send(OutboxMapper.Row message) throws IOException {
        byte[] body = message.envelope().getBytes(StandardCharsets.UTF_8);
        Optional<InteragencySettings.Peer> peer = settings.peer(message.receiverAgency());
        if (peer.isPresent()) {
            return peers.post(peer.get(), body, message.signature(), message.keyId());
        }
        if (settings.isLocal(message.receiverAgency())) {
            // signed again with the key in force: sender and receiver are this installation, whose key may have
            // changed since the send step (a restart of the demo, which generates its keys per start)
            return inbox.receive(body, keys.sign(message.senderAgency(), body), "local");
        }
        return answers.problem(
                HttpStatus.NOT_FOUND,
                "REFUSED",
                "Cơ quan nhận " + message.receiverAgency() + " không còn trong cấu hình liên thông.",
                "The receiving agency " + message.receiverAgency() + " is no longer configured (local or peer).");
    }

    private void acknowledged(OutboxMapper.Row message, Answer answer) {
        KeyRing.Verdict verdict = keys.verify(
                message.receiverAgency(),
                answer.body(),
                answer.keyId(),
                answer.signature(),
                clock.instant(clock.now()));
        if (verdict != KeyRing.Verdict.GOOD) {
            retryLater(
                    message,
                    200,
                    "the acknowledgement's signature is not good (" + verdict + ", key id " + answer.keyId()
                            + "): the receiver's public key in motcua.interagency.peers?");
            return;
        }
        String ack = new String(answer.body(), StandardCharsets.UTF_8);
        String status = field(answer, "status");
        LocalDateTime now = clock.now();
        transaction.executeWithoutResult(tx -> {
            if (outbox.delivered(message.messageId(), owner, now, status, ack, answer.signature(), answer.keyId())
                    == 1) {
                outbox.insertAttempt(message.messageId(), now, 200, "DELIVERED", null, null);
            }
        });
        metrics.attempt("delivered");
        log.info(
                "Delivered handoff {} {} of dossier {} to {} ({})",
                message.messageId(),
                message.messageName(),
                message.dossierCode(),
                message.receiverAgency(),
                status);
    }

    private void refused(OutboxMapper.Row message, Answer answer) {
        String reason = "HTTP " + answer.status() + ": " + reason(answer);
        LocalDateTime now = clock.now();
        transaction.executeWithoutResult(tx -> {
            if (outbox.attemptFailed(message.messageId(), owner, "FAILED", now, now, cut(reason)) == 1) {
                outbox.insertAttempt(message.messageId(), now, answer.status(), "FAILED", cut(reason), null);
            }
        });
        metrics.attempt("failed");
        log.warn(
                "Handoff {} {} of dossier {} refused by {}: {}",
                message.messageId(),
                message.messageName(),
                message.dossierCode(),
                message.receiverAgency(),
                reason);
    }

    private void retryLater(OutboxMapper.Row message, Integer httpStatus, String error) {
        LocalDateTime now = clock.now();
        String givenUp = givenUp(message, now);
        if (givenUp != null) {
            dead(message, httpStatus, givenUp + " Last error: " + error);
            return;
        }
        LocalDateTime next = now.plus(settings.backoff(message.attempts() + 1));
        transaction.executeWithoutResult(tx -> {
            if (outbox.attemptFailed(message.messageId(), owner, "PENDING", now, next, cut(error)) == 1) {
                outbox.insertAttempt(message.messageId(), now, httpStatus, "RETRY", cut(error), next);
            }
        });
        metrics.attempt("retry");
        log.warn(
                "Handoff {} to {} not delivered (attempt {}), next try at {}: {}",
                message.messageId(),
                message.receiverAgency(),
                message.attempts() + 1,
                next,
                error);
    }

    /** Why delivery stops after this failed attempt, or null while it goes on (attempts since the last retry). */
    private String givenUp(OutboxMapper.Row message, LocalDateTime now) {
        int attempts = message.attempts() + 1 - message.budgetFrom();
        if (attempts >= settings.maxAttempts()) {
            return "Given up after " + attempts + " attempts (motcua.interagency.max-attempts).";
        }
        LocalDateTime since = message.budgetSince() == null ? message.createdAt() : message.budgetSince();
        if (!now.isBefore(since.plus(settings.maxAge()))) {
            return "Given up: not delivered within " + settings.maxAge() + " (motcua.interagency.max-age).";
        }
        return null;
    }

    private void dead(OutboxMapper.Row message, Integer httpStatus, String reason) {
        LocalDateTime now = clock.now();
        transaction.executeWithoutResult(tx -> {
            if (outbox.attemptFailed(message.messageId(), owner, "DEAD", now, now, cut(reason)) == 1) {
                outbox.insertAttempt(message.messageId(), now, httpStatus, "DEAD", cut(reason), null);
            }
        });
        metrics.attempt("dead");
        log.error(
                "Handoff {} {} of dossier {} to {} is DEAD (an operator may retry it): {}",
                message.messageId(),
                message.messageName(),
                message.dossierCode(),
                message.receiverAgency(),
                reason);
    }

    /** The receiver's explanation: the Vietnamese message and the English one of its problem details. */
    private String reason(Answer answer) {
        String vietnamese = field(answer, "message");
        String english = field(answer, "messageEn");
        if (vietnamese == null && english == null) {
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            return body.isBlank() ? "(no explanation)" : body;
        }
        return vietnamese == null ? english : english == null ? vietnamese : vietnamese + " / " + english;
    }

    private String field(Answer answer, String name) {
        try {
            JsonNode node = json.readTree(answer.body()).path(name);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "handoff-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.poll().toMillis();
        started.scheduleWithFixedDelay(this::deliverDue, poll, poll, TimeUnit.MILLISECONDS);
        executor = started;
        log.info(
                "Handoff delivery {} (node {}, poll {}, local agencies {}, peers {})",
                settings.deliveryEnabled() ? "on" : "PAUSED (motcua.interagency.delivery-enabled=false)",
                owner,
                settings.poll(),
                settings.localAgencies(),
                settings.peers().keySet());
        log.info(
                "Handoff signing keys (agency -> key id and Ed25519 public key, for the peers): {}",
                keys.ownPublicKeys());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Starts after everything else (the engine, the web server) and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
