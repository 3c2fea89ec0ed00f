package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores dossiers and their timeline; every write joins the caller's transaction (the engine step or the filing), and
 * so do the durable events it publishes ({@link DossierFiled}, {@link DossierStatusChanged}, {@link ResultIssued},
 * {@link DossierReturned}): they are stored, or rolled back, with the change they announce.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Dossiers {

    private final DossierMapper dossiers;
    private final DossierCodes codes;
    private final ApplicationEventPublisher events;

    Dossiers(DossierMapper dossiers, DossierCodes codes, ApplicationEventPublisher events) {
        this.dossiers = dossiers;
        this.codes = codes;
        this.events = events;
    }

    public Registered register(NewDossier dossier) {
        DossierCodes.Code code =
                codes.next(dossier.agencyCode(), dossier.receivedAt().toLocalDate());
        String secret = ApplicantSecret.generate();
        forget(code.value());
        dossiers.insert(code.value(), code.sequence(), dossier, sha256(secret.getBytes(StandardCharsets.UTF_8)));
        dossiers.insertStatusChange(
                code.value(), DossierStatus.SUBMITTED.code(), dossier.receivedAt(), dossier.filedBy(), null, null);
        newPublicRecord(code.value(), dossier.receivedAt());
        addAttachments(code.value(), "FILING", dossier.attachments(), dossier.receivedAt());
        events.publishEvent(new DossierFiled(
                code.value(),
                dossier.procedureCode(),
                dossier.agencyCode(),
                dossier.channel(),
                dossier.receivedAt(),
                dossier.dueAt(),
                dossier.filedBy()));
        return new Registered(code.value(), ApplicantSecret.printed(secret));
    }

    /**
     * Keeps a dossier filed at another agency (a liên thông handoff brought it) under that agency's code, so that this
     * installation's steps, timeline and tracking work for it. Nobody here gets its secret.
     */
    public void registerReceived(String code, NewDossier dossier) {
        forget(code);
        dossiers.insert(code, 0, dossier, sha256(ApplicantSecret.generate().getBytes(StandardCharsets.UTF_8)));
        dossiers.insertStatusChange(
                code, DossierStatus.SUBMITTED.code(), dossier.receivedAt(), dossier.filedBy(), null, null);
        newPublicRecord(code, dossier.receivedAt());
        addAttachments(code, "FILING", dossier.attachments(), dossier.receivedAt());
    }

    public void addAttachments(String code, String purpose, List<Attachment> attachments, LocalDateTime at) {
        for (Attachment attachment : attachments) {
            dossiers.insertAttachment(
                    code, purpose, attachment, attachment.content().length, sha256(attachment.content()), at);
        }
    }

    /**
     * The dossier as the caller's transaction sees it. Read once per transaction: a step reads its dossier several times
     * (its listeners, the slip it issues) and every change of the row goes through this class, which forgets the row
     * it changes or locks. Outside a transaction, read every time.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Dossier> find(String code) {
        InTransaction transaction = thisTransaction();
        if (transaction == null) {
            return dossiers.find(code).map(DossierMapper.Row::toDossier);
        }
        Optional<Dossier> found =
                transaction.read.computeIfAbsent(code, c -> dossiers.find(c).map(DossierMapper.Row::toDossier));
        PublicChanges changes = transaction.changes.get(code);
        return changes == null || changes.currentStep == null
                ? found
                : found.map(d -> d.withCurrentStep(changes.currentStep));
    }

    /**
     * What the caller's transaction read of dossiers ({@link #find}) and changes of their public records (written just
     * before it commits, gone if it rolls back); bound to it, null outside one.
     */
    private InTransaction thisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (InTransaction) bound;
        }
        InTransaction transaction = new InTransaction();
        TransactionSynchronizationManager.bindResource(this, transaction);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // a transaction started inside this one (REQUIRES_NEW) reads and writes for itself
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(Dossiers.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(Dossiers.this, transaction);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                transaction.changes.forEach(Dossiers.this::writePublicRecord);
                transaction.changes.clear();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Dossiers.this);
            }
        });
        return transaction;
    }

    private static final class InTransaction {
        final Map<String, Optional<Dossier>> read = new HashMap<>();
        final Map<String, PublicChanges> changes = new LinkedHashMap<>();
    }

    /**
     * The changes one transaction makes to a dossier's public record, applied to the timeline the row keeps once it is
     * known (read with the row's lock) and written once, just before the commit, with the current step: a step costs
     * no statement more than the current step's update it replaces (issue 17).
     */
    private static final class PublicChanges {
        private boolean known;
        private boolean exists;
        /** The timeline as it will be written; null when the row keeps none yet (it is then read from the tables). */
        private List<PublicTimeline.Entry> entries;

        private final List<Consumer<List<PublicTimeline.Entry>>> waiting = new ArrayList<>();
        private boolean timelineChanged;
        private String currentStep;

        boolean known() {
            return known;
        }

        /** The row as its lock read it: whether it exists and the timeline it keeps. */
        void know(Optional<DossierMapper.Locked> row) {
            this.known = true;
            this.exists = row.isPresent();
            String kept = row.map(DossierMapper.Locked::publicTimeline).orElse(null);
            this.entries = kept == null ? null : PublicTimeline.parse(kept);
            if (entries != null) {
                waiting.forEach(change -> change.accept(entries));
            }
            waiting.clear();
        }

        void knowNew() {
            known = true;
            exists = true;
            entries = new ArrayList<>();
            timelineChanged = true;
        }

        void change(Consumer<List<PublicTimeline.Entry>> change, String newCurrentStep) {
            if (change != null) {
                timelineChanged = true;
                if (!known) {
                    waiting.add(change);
                } else if (entries != null) {
                    change.accept(entries);
                }
            }
            if (newCurrentStep != null) {
                currentStep = newCurrentStep;
            }
        }
    }

    /**
     * The changes of the caller's transaction to this dossier's public record. Every write here joins a transaction
     * (MANDATORY) that Spring synchronises, the engine's included: the changes are written before it commits.
     */
    private PublicChanges publicChanges(String code) {
        InTransaction transaction = thisTransaction();
        if (transaction == null) {
            throw new IllegalStateException("A dossier's change needs a synchronised transaction: " + code);
        }
        return transaction.changes.computeIfAbsent(code, c -> new PublicChanges());
    }

    /** A dossier stored in this transaction: its public record starts empty, no read needed. */
    private void newPublicRecord(String code, LocalDateTime receivedAt) {
        PublicChanges changes = publicChanges(code);
        PublicTimeline.Entry filed = PublicTimeline.Entry.status(DossierStatus.SUBMITTED, receivedAt, null);
        changes.knowNew();
        changes.change(entries -> entries.add(filed), null);
    }

    private void changePublicRecord(String code, Consumer<List<PublicTimeline.Entry>> change, String currentStep) {
        publicChanges(code).change(change, currentStep);
    }

    private void writePublicRecord(String code, PublicChanges changes) {
        if (!changes.timelineChanged) {
            if (changes.currentStep != null) {
                dossiers.updateCurrentStep(code, changes.currentStep);
            }
            return;
        }
        if (!changes.known()) {
            changes.know(dossiers.lockWithTimeline(code));
        }
        if (!changes.exists) {
            return;
        }
        List<PublicTimeline.Entry> entries =
                changes.entries != null ? changes.entries : PublicTimeline.of(dossiers.timeline(code));
        dossiers.updatePublicTimeline(code, PublicTimeline.write(entries), changes.currentStep);
    }

    /** The row changes (or is locked, and may have changed since it was read): the next {@link #find} reads it. */
    private void forget(String code) {
        InTransaction transaction = thisTransaction();
        if (transaction != null) {
            transaction.read.remove(code);
        }
    }

    /**
     * Holds the dossier's row until the caller's transaction ends, so that another module's writes about one dossier
     * (its rating) happen one after the other; false when there is no such dossier.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lock(String code) {
        return lockForPublicRecord(code).exists;
    }

    /** A step that was late most often: its name, department, how many completed and how many late. */
    public record LateStep(String name, String department, int completed, int late) {}

    /** The steps completed late most often from..to (at most {@code limit}), of one agency's dossiers or all. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<LateStep> lateSteps(LocalDateTime from, LocalDateTime to, String agency, int limit) {
        return dossiers.lateSteps(from, to, agency, limit);
    }

    /** The latest dossiers a user filed (at most 200), newest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Dossier> filedBy(String user) {
        return dossiers.filedBy(user).stream().map(DossierMapper.Row::toDossier).toList();
    }

    /** The codes of all dossiers, oldest first (for rebuilding a read model from these tables). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> allCodes() {
        return dossiers.allCodes();
    }

    /** Whether the secret printed on the receipt slip belongs to this dossier. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean secretMatches(String code, String secret) {
        return verifiedSecret(code, secret).isPresent();
    }

    /**
     * The secret as it is printed, when what was typed is this dossier's: typed with or without dashes or spaces, in
     * either case (a secret issued before the grouped alphabet only as it was issued).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<String> verifiedSecret(String code, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Optional<String> stored = dossiers.secretHash(code);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = stored.get().getBytes(StandardCharsets.US_ASCII);
        return ApplicantSecret.candidates(typed).stream()
                .filter(form -> MessageDigest.isEqual(
                        hash, sha256(form.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .map(form -> form.equals(ApplicantSecret.canonical(typed)) ? ApplicantSecret.printed(form) : form);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Step> steps(String code) {
        return dossiers.steps(code);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StatusChange> statusChanges(String code) {
        return dossiers.statusChanges(code).stream()
                .map(r -> new StatusChange(
                        DossierStatus.of(r.status()), r.changedAt(), r.actor(), r.publicText(), r.note()))
                .toList();
    }

    /** The status changes and the steps of a dossier, read together (one query instead of two). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Timeline timeline(String code) {
        List<StatusChange> changes = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (DossierMapper.TimelineRow r : dossiers.timeline(code)) {
            if (r.kind() == 0) {
                changes.add(
                        new StatusChange(DossierStatus.of(r.status()), r.at(), r.actor(), r.publicText(), r.note()));
            } else {
                steps.add(new Step(
                        r.stepKey(),
                        r.stepName(),
                        r.department(),
                        r.publicText(),
                        r.at(),
                        r.dueAt(),
                        r.completedAt(),
                        r.actor(),
                        r.outcome(),
                        r.note()));
            }
        }
        return new Timeline(List.copyOf(changes), List.copyOf(steps));
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StoredAttachment> attachments(String code) {
        return dossiers.attachments(code);
    }

    /** The content of one attachment of the dossier, if the dossier has an attachment of that id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<byte[]> attachmentContent(String code, long id) {
        return dossiers.attachmentContent(code, id);
    }

    /** The values of the start form as filed (JSON object), for the officials who handle the dossier. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<String> formData(String code) {
        return dossiers.formData(code);
    }

    /**
     * Whether one of these departments has (or had) a step on the dossier: its timeline's departments, the reception
     * step included. The one rule for who among the officials may read a dossier's personal data, files and slips.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean hasStepOf(String code, Collection<String> departments) {
        return dossiers.steps(code).stream()
                .map(Step::department)
                .filter(Objects::nonNull)
                .anyMatch(departments::contains);
    }

    public void stepStarted(
            String code,
            String taskId,
            String stepKey,
            String stepName,
            String department,
            String publicText,
            LocalDateTime startedAt,
            LocalDateTime dueAt) {
        // the dossier's row first, exclusively: the step's row alone would hold it shared (its foreign key), and two
        // steps of one dossier starting at once (parallel liên thông branches) would then deadlock on the update
        // (the lock reads the public timeline the row keeps: the change below is written with it before the commit; a
        // transaction that already holds the lock, through openStep or register, does not ask again)
        lockForPublicRecord(code);
        dossiers.insertStep(code, taskId, stepKey, stepName, department, publicText, startedAt, dueAt);
        PublicTimeline.Entry entry =
                PublicTimeline.Entry.step(taskId, stepKey, stepName, department, publicText, startedAt, dueAt);
        changePublicRecord(code, entries -> entries.add(entry), publicText);
    }

    /**
     * The step of the timeline a completion ends: the latest one of that key not completed yet. Locks the dossier's row
     * for the rest of the transaction, as {@link #stepStarted} would (the completion's changes are written with it), and
     * reads the step from the public timeline the row keeps, in the same statement.
     */
    public Optional<Step> openStep(String code, String stepKey) {
        PublicChanges changes = lockForPublicRecord(code);
        if (changes.entries == null) {
            return dossiers.steps(code).stream()
                    .filter(s -> s.stepKey().equals(stepKey) && s.completedAt() == null)
                    .reduce((first, last) -> last);
        }
        return changes.entries.stream()
                .filter(e -> e.kind() == 1 && stepKey.equals(e.key()) && e.done() == null)
                .reduce((first, last) -> last)
                .map(e ->
                        new Step(e.key(), e.name(), e.department(), e.text(), e.at(), e.due(), null, null, null, null));
    }

    /**
     * Locks the dossier's row for the caller's transaction, once, reading the public timeline it keeps (a transaction
     * that stored the row, or locked it already, holds the lock); the transaction's changes to its public record.
     */
    private PublicChanges lockForPublicRecord(String code) {
        PublicChanges changes = publicChanges(code);
        if (!changes.known()) {
            forget(code);
            changes.know(dossiers.lockWithTimeline(code));
        }
        return changes;
    }

    public void stepCompleted(String code, String taskId, LocalDateTime at, String actor, String outcome, String note) {
        dossiers.completeStep(taskId, at, actor, outcome, note);
        changePublicRecord(code, entries -> PublicTimeline.complete(entries, taskId, at), null);
    }

    /**
     * Moves the dossier from {@code current} (its status as the caller just read it in this transaction, null when
     * there is no such dossier) to a status; reaching the status it already has changes nothing but the current step.
     */
    public void statusChanged(
            String code,
            DossierStatus current,
            DossierStatus status,
            LocalDateTime at,
            String actor,
            String publicText,
            String note) {
        if (current == null) {
            throw new IllegalStateException("No dossier " + code + " for the process that changed its status");
        }
        forget(code);
        if (current == status) {
            if (publicText != null) {
                changePublicRecord(code, null, publicText);
            }
            return;
        }
        boolean finishes =
                status == DossierStatus.DONE || status == DossierStatus.REFUSED || status == DossierStatus.STOPPED;
        dossiers.updateStatus(code, status.code(), publicText, note, finishes, at);
        dossiers.insertStatusChange(code, status.code(), at, actor, publicText, note);
        PublicTimeline.Entry entry = PublicTimeline.Entry.status(status, at, publicText);
        changePublicRecord(code, entries -> entries.add(entry), publicText);
        events.publishEvent(new DossierStatusChanged(code, current, status, at, actor));
        if (status == DossierStatus.DONE || status == DossierStatus.RETURNED) {
            Dossier dossier = find(code).orElseThrow();
            events.publishEvent(
                    status == DossierStatus.DONE
                            ? new ResultIssued(code, dossier.procedureCode(), dossier.agencyCode(), at, dossier.dueAt())
                            : new DossierReturned(code, dossier.procedureCode(), dossier.agencyCode(), at));
        }
    }

    /** A request of the applicant (e.g. the reason of a withdrawal), kept with the status it leads to. */
    public void requestNoted(String code, String note) {
        forget(code);
        dossiers.updateStatusNote(code, note);
    }

    /** The appointment (due time) given to the applicant, set again when the dossier is accepted. */
    public void appointmentSet(String code, LocalDateTime dueAt) {
        forget(code);
        dossiers.updateDue(code, dueAt);
    }

    /** The new date an apology gave (the dossier's clock keeps the letter), for the public record. */
    public void appointmentExtended(String code, LocalDateTime dueAt) {
        dossiers.updateExtendedDue(code, dueAt);
    }

    /** The deadline warning went out for the dossier (its clock keeps when), for the public record. */
    public void deadlineNear(String code) {
        dossiers.updateNearDeadline(code);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
