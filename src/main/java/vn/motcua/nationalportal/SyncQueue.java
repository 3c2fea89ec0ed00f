package vn.motcua.nationalportal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.slips.ResultDocumentSealed;
import vn.motcua.workflow.StepCompleted;

/**
 * Queues what the portal must be told, from the dossier events, while they are published: in the transaction of the
 * change itself (filing, engine step), so a change committed is queued, a change rolled back is not, and the rows of
 * one dossier are numbered in the order its changes committed. Nothing is queued without a link
 * ({@code motcua.national-portal.url}); {@link PortalSync} sends.
 */
@Component
class SyncQueue {

    static final String RECORD = "RECORD";
    static final String PROGRESS = "PROGRESS";

    private final SyncMapper queue;
    private final NationalPortalSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    SyncQueue(SyncMapper queue, NationalPortalSettings settings, ObjectMapper json, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(DossierFiled filed) {
        if (settings.linked()) {
            queue.insertKnown(filed.dossierCode(), filed.agencyCode(), filed.receivedAt());
            record(filed.dossierCode(), "filed:" + filed.dossierCode(), null, filed.receivedAt());
        }
    }

    @EventListener
    void on(DossierStatusChanged changed) {
        record(changed.dossierCode(), "status:" + UUID.randomUUID(), null, changed.changedAt());
    }

    @EventListener
    void on(ResultIssued issued) {
        record(issued.dossierCode(), "result:" + UUID.randomUUID(), null, issued.issuedAt());
    }

    @EventListener
    void on(DossierReturned returned) {
        record(returned.dossierCode(), "returned:" + returned.dossierCode(), null, returned.returnedAt());
    }

    /** Kept whole: the record lists every extension of the appointment (NgayHenTraTruoc, NgayHenTraMoi). */
    @EventListener
    void on(ApologyIssued apology) {
        record(apology.dossierCode(), "apology:" + UUID.randomUUID(), apology, LocalDateTime.now(clock));
    }

    /** Kept whole: the record lists the sealed result documents. */
    @EventListener
    void on(ResultDocumentSealed sealed) {
        record(sealed.dossierCode(), "sealed:" + sealed.documentId(), sealed, sealed.sealedAt());
    }

    @EventListener
    void on(StepCompleted step) {
        if (settings.linked()) {
            queue(new SyncMapper.NewRow(
                    step.dossierCode(),
                    PROGRESS,
                    "step:" + step.stepId(),
                    write(step),
                    step.completedAt(),
                    LocalDateTime.now(clock)));
        }
    }

    private void record(String code, String key, Object event, LocalDateTime at) {
        if (settings.linked()) {
            queue(new SyncMapper.NewRow(
                    code, RECORD, key, event == null ? null : write(event), at, LocalDateTime.now(clock)));
        }
    }

    /**
     * Queues the row with the others of the same transaction: all are written in one statement just before it commits
     * (an engine step announces up to four changes; issue 17), in the order they happened, or not at all if it rolls
     * back. Outside a transaction, at once.
     */
    private void queue(SyncMapper.NewRow row) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            queue.insertAll(List.of(row));
            return;
        }
        @SuppressWarnings("unchecked")
        List<SyncMapper.NewRow> rows = (List<SyncMapper.NewRow>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            List<SyncMapper.NewRow> pending = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // a transaction started inside this one (REQUIRES_NEW) queues its own rows, written at its own commit
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SyncQueue.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(SyncQueue.this, pending);
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!pending.isEmpty()) {
                        queue.insertAll(List.copyOf(pending));
                        pending.clear();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SyncQueue.this);
                }
            });
            rows = pending;
        }
        rows.add(row);
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
