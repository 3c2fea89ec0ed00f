package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
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
    private final PdfVerifier verifier;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SigningRequests(
            SigningRequestMapper requests,
            SignedDocuments documents,
            Signers signers,
            PdfSigner signer,
            PdfVerifier verifier,
            RuntimeService runtime,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.signers = signers;
        this.signer = signer;
        this.verifier = verifier;
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
        transactions.executeWithoutResult(status -> {
            SigningRequestMapper.Row row = requests.lock(id).orElse(null);
            if (row == null || !"PENDING".equals(row.state())) {
                return;
            }
            if (!waiting(row)) {
                requests.finish(
                        id,
                        "EXPIRED",
                        "The process no longer waits for this signature",
                        null,
                        LocalDateTime.now(clock));
                return;
            }
            if (OwnMachineKeyProvider.isOwnMachine(row.providerReference())) {
                return; // the official uploads the file; nothing to ask
            }
            KeyProvider key = signers.get(row.signerId());
            KeyProvider.Outcome answer = key.poll(row.providerReference());
            if (answer instanceof KeyProvider.Signed signed) {
                complete(row, signed.value());
            } else if (answer instanceof KeyProvider.Refused refused) {
                refuse(row, refused.vietnamese() + " / " + refused.english());
            }
        });
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

    /** A signature waiting for an official, as their own list shows it. */
    public record Waiting(String id, String dossierCode, String fileName, LocalDateTime createdAt) {}

    /** The signatures waiting for this official's upload (their token is on their own PC). */
    public java.util.List<Waiting> waitingFor(String userId) {
        return requests.pendingFor(userId).stream()
                .filter(row -> OwnMachineKeyProvider.isOwnMachine(row.providerReference()))
                .map(row -> new Waiting(row.id(), row.dossierCode(), row.fileName(), row.createdAt()))
                .toList();
    }

    /** The prepared file the official signs on their own PC; only theirs, only while it waits. */
    public byte[] prepared(String id, String userId) {
        return ownWaiting(requests.find(id), id, userId).document();
    }

    /**
     * The file signed on the official's own PC: accepted only if it is the prepared file plus exactly one valid
     * signature by the official's registered certificate; then it is stored and the process goes on, all at once.
     * Refused with the reason (HTTP 422), and nothing changes.
     */
    public SignedDocument upload(String id, String userId, byte[] uploaded) {
        return transactions.execute(status -> {
            SigningRequestMapper.Row row = ownWaiting(requests.lock(id), id, userId);
            if (!waiting(row)) {
                throw vn.motcua.api.UserError.conflict(
                        "Hồ sơ " + row.dossierCode() + " không còn chờ chữ ký này (đã quá thời hạn chờ ký hoặc đã trả"
                                + " lại lãnh đạo); vui lòng ký lại từ bước ký duyệt.",
                        "Dossier " + row.dossierCode() + " no longer waits for this signature (the wait timed out or"
                                + " went back to the leader); please sign again from the approval step.");
            }
            CertificateToken certificate =
                    signers.get(row.signerId()).certificateChain().get(0);
            UploadedSignatures.Outcome checked = new UploadedSignatures(verifier)
                    .check(row.document(), uploaded, UploadedSignatures.ExpectedSigner.holderOf(certificate));
            if (checked instanceof UploadedSignatures.Refused refused) {
                throw new vn.motcua.api.UserError(
                        org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        "Không nhận tệp đã ký: " + refused.reason().vietnamese(),
                        "The signed file is not accepted: " + refused.reason().english());
            }
            return stored(row, uploaded, Certificates.commonName(certificate));
        });
    }

    private static SigningRequestMapper.Row ownWaiting(
            Optional<SigningRequestMapper.Row> found, String id, String userId) {
        SigningRequestMapper.Row row = found.filter(r -> OwnMachineKeyProvider.isOwnMachine(r.providerReference()))
                .orElseThrow(() -> vn.motcua.api.UserError.notFound(
                        "Không có yêu cầu ký số " + id + ".", "There is no signing request " + id + "."));
        if (!row.holder().equals(userId)) {
            throw new vn.motcua.api.UserError(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "Yêu cầu ký số này dành cho người khác; chỉ người ký được giao mới tải và ký được.",
                    "This signing request is for someone else; only the signer it names may download and sign it.");
        }
        if (!"PENDING".equals(row.state())) {
            throw vn.motcua.api.UserError.conflict(
                    "Yêu cầu ký số này đã kết thúc (" + row.state() + ").",
                    "This signing request has ended (" + row.state() + ").");
        }
        return row;
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
