package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signatures that come later: a remote signer's approval on the phone, or a file signed on the official's own PC. The
 * prepared signature is kept ({@code signing_request}); when the value comes, the document is assembled exactly as
 * prepared, stored once ({@link SignedDocuments}) and the waiting process is told with the message
 * {@value #RETURNED} (variables {@code signature} = {@code signed} and {@code resultDocument}, or
 * {@code refused} and {@code signingRefusal}), all in one transaction. Remote requests are polled on one node of the
 * cluster at a time; a request whose process no longer waits (its timeout path was taken) is closed as expired
 * without asking the signer's service again.
 */
@Service
public class SigningRequests {

    /** The message a model's receive step waits for after a signature that comes later (the platform's signing). */
    public static final String RETURNED = "Msg_SignatureReturned";

    private static final Logger log = LoggerFactory.getLogger(SigningRequests.class);

    /** Where a waiting signature goes when it comes: which dossier, process and document. */
    public record Target(
            String dossierCode, String processInstance, String documentKind, String fileName, String holder) {}

    private final SigningRequestMapper requests;
    private final SignedDocuments documents;
    private final Signers signers;
    private final PdfSigner signer;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SigningRequests(
            SigningRequestMapper requests,
            SignedDocuments documents,
            Signers signers,
            PdfSigner signer,
            RuntimeService runtime,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.signers = signers;
        this.signer = signer;
        this.runtime = runtime;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Keeps a prepared signature whose value the provider gives later; its id. In the step's transaction. */
    String open(PreparedSignature prepared, String signerId, String reference, Target target) {
        SignatureAppearance appearance = prepared.appearance();
        String id = UUID.randomUUID().toString();
        requests.insert(new SigningRequestMapper.Row(
                id,
                target.dossierCode(),
                target.processInstance(),
                target.documentKind(),
                target.fileName(),
                target.holder(),
                signerId,
                reference,
                prepared.document(),
                appearance.kind().name(),
                appearance.page(),
                appearance.x(),
                appearance.y(),
                appearance.width(),
                appearance.height(),
                appearance.note().orElse(null),
                prepared.signingTime().toEpochMilli(),
                prepared.level().name(),
                prepared.dataToSign().getBytes(),
                "PENDING",
                null,
                null,
                LocalDateTime.now(clock),
                null));
        return id;
    }

    /** Asks the remote signers' services about every waiting request. */
    @Scheduled(
            fixedDelayString = "${motcua.signing.poll-every:PT3S}",
            initialDelayString = "${motcua.signing.poll-every:PT3S}")
    @SchedulerLock(name = "signing-requests", lockAtMostFor = "PT2M")
    public void pollPending() {
        for (String id : requests.pending(50)) {
            try {
                poll(id);
            } catch (RuntimeException e) {
                log.warn("Signing request {} could not be polled; tried again at the next poll", id, e);
            }
        }
    }

    void poll(String id) {
        Optional<Object> outcome = Optional.ofNullable(transactions.execute(status -> {
            SigningRequestMapper.Row row = requests.lock(id).orElse(null);
            if (row == null || !"PENDING".equals(row.state())) {
                return null;
            }
            if (!waiting(row)) {
                requests.finish(
                        id,
                        "EXPIRED",
                        "The process no longer waits for this signature",
                        null,
                        LocalDateTime.now(clock));
                return null;
            }
            KeyProvider key = signers.get(row.signerId());
            KeyProvider.Outcome answer = key.poll(row.providerReference());
            if (answer instanceof KeyProvider.Signed signed) {
                complete(row, signed.value());
            } else if (answer instanceof KeyProvider.Refused refused) {
                refuse(row, refused.vietnamese() + " / " + refused.english());
            }
            return answer;
        }));
        outcome.ifPresent(answer ->
                log.debug("Signing request {}: {}", id, answer.getClass().getSimpleName()));
    }

    private boolean waiting(SigningRequestMapper.Row row) {
        return runtime.createEventSubscriptionQuery()
                        .processInstanceId(row.processInstance())
                        .eventType("message")
                        .eventName(RETURNED)
                        .count()
                > 0;
    }

    /** Assembles the prepared document with the value, stores it and tells the waiting process. */
    SignedDocument complete(SigningRequestMapper.Row row, SignatureValue value) {
        KeyProvider key = signers.get(row.signerId());
        PreparedSignature prepared = new PreparedSignature(
                row.document(),
                appearance(row),
                key.certificateChain(),
                Instant.ofEpochMilli(row.signingTimeMs()),
                SignatureLevel.valueOf(row.signatureLevel()),
                new ToBeSigned(row.dataToSign()));
        byte[] pdf = signer.complete(prepared, value);
        return stored(
                row, pdf, Certificates.commonName(prepared.certificateChain().get(0)));
    }

    /** Stores a signed file (assembled here or uploaded and checked) and tells the waiting process. */
    SignedDocument stored(SigningRequestMapper.Row row, byte[] pdf, String signerName) {
        SignedDocument document =
                documents.store(row.dossierCode(), row.documentKind(), row.fileName(), pdf, signerName);
        requests.finish(row.id(), "SIGNED", null, document.id(), LocalDateTime.now(clock));
        runtime.createMessageCorrelation(RETURNED)
                .processInstanceId(row.processInstance())
                .setVariable("signature", "signed")
                .setVariable("resultDocument", document.id())
                .correlateWithResult();
        return document;
    }

    void refuse(SigningRequestMapper.Row row, String reason) {
        requests.finish(row.id(), "REFUSED", reason, null, LocalDateTime.now(clock));
        try {
            runtime.createMessageCorrelation(RETURNED)
                    .processInstanceId(row.processInstance())
                    .setVariable("signature", "refused")
                    .setVariable("signingRefusal", reason)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException gone) {
            log.info("Signing request {} refused after its process stopped waiting", row.id());
        }
    }

    private static SignatureAppearance appearance(SigningRequestMapper.Row row) {
        return new SignatureAppearance(
                SignatureAppearance.Kind.valueOf(row.appearanceKind()),
                row.appearancePage(),
                (float) row.appearanceX(),
                (float) row.appearanceY(),
                (float) row.appearanceWidth(),
                (float) row.appearanceHeight(),
                Optional.ofNullable(row.appearanceNote()));
    }
}
