package vn.motcua.reporting;

import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.dossier.StatusChange;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.sla.Clocks;

/**
 * The reporting row of each dossier, written from the dossier events. Each event sets absolute values, so the same
 * event applied twice leaves the row as once. {@link #rebuild()} replays the same facts read from the dossier tables.
 */
@Component
class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    private static final int ATTEMPTS = 5;

    private final ReportingMapper rows;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final Clocks clocks;
    private final CountingRules rules;
    private final Counts counts;
    private final TransactionTemplate transaction;

    ReadModel(
            ReportingMapper rows,
            Dossiers dossiers,
            Procedures procedures,
            Clocks clocks,
            CountingRules rules,
            Counts counts,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.clocks = clocks;
        this.rules = rules;
        this.counts = counts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One event's writes in a transaction of their own, tried again when the database chose it as a deadlock's victim
     * (events of dossiers of one agency and sector meet on the same counter rows: the first of a day inserts its row
     * while others wait to insert or update it); inside a transaction of the caller's, just run.
     */
    private void inTransaction(Runnable writes) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            writes.run();
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> writes.run());
                return;
            } catch (PessimisticLockingFailureException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                log.info(
                        "Reporting write lost a lock to another ({}), trying again",
                        lost.getClass().getSimpleName());
            }
        }
    }

    /**
     * Runs one event's writes on the dossier's row, then moves the report's counters by what the row counts now less
     * what it counted before (nothing when the event was applied already). The row is locked meanwhile, so that two
     * events of one dossier move the counters one after the other.
     */
    private void counted(String code, Runnable writes) {
        ReportedDossier before = counts.lock(code);
        if (before == null) {
            made(code);
            before = counts.lock(code);
        }
        writes.run();
        counts.changed(before, code);
    }

    void apply(DossierFiled filed) {
        inTransaction(() -> {
            if (insert(
                    filed.dossierCode(),
                    filed.procedureCode(),
                    filed.agencyCode(),
                    filed.channel(),
                    filed.receivedAt(),
                    filed.dueAt())) {
                counts.changed(null, filed.dossierCode());
            }
        });
    }

    /**
     * The appointment is set again at acceptance and after a supplement in the same transaction as the status change,
     * without an event of its own: it is read from the dossier here.
     */
    void apply(DossierStatusChanged changed) {
        String code = changed.dossierCode();
        inTransaction(() -> counted(code, () -> {
            dossiers.find(code).ifPresent(dossier -> rows.updateDue(code, dossier.dueAt()));
            closed(code, changed.from(), changed.to(), changed.changedAt());
        }));
    }

    void apply(ResultIssued result) {
        inTransaction(() -> counted(result.dossierCode(), () -> resolved(result)));
    }

    /** The return changes nothing the report counts. */
    void apply(DossierReturned returned) {
        inTransaction(() -> {
            ensureRow(returned.dossierCode());
            rows.returned(returned.dossierCode(), returned.returnedAt());
        });
    }

    void apply(ApologyIssued apology) {
        inTransaction(() -> counted(
                apology.dossierCode(), () -> rows.updateExtendedDue(apology.dossierCode(), apology.newDueAt())));
    }

    private void closed(String code, DossierStatus from, DossierStatus to, LocalDateTime at) {
        if (to == DossierStatus.REFUSED) {
            rows.refused(code, at);
        } else if (to == DossierStatus.STOPPED) {
            rows.stopped(code, at, from == DossierStatus.WITHDRAWAL_REQUESTED);
        }
    }

    private void resolved(ResultIssued result) {
        String timeliness =
                rules.timeliness(result.dueAt(), null, result.issuedAt()).name();
        rows.resolved(result.dossierCode(), result.issuedAt(), result.dueAt(), timeliness);
    }

    /**
     * Events are delivered asynchronously, each in its own transaction, so a later event of a dossier may come before
     * its filing (e.g. acceptance in the filing's own transaction): the row is then made from the dossier, with the
     * values its filing event carries, and that event finds it there. Every other write sets one field, so the order
     * of the rest does not matter.
     */
    private void ensureRow(String code) {
        if (rows.exists(code) == 0) {
            made(code);
        }
    }

    /** The row made from the dossier (when there is one), and counted. */
    private void made(String code) {
        dossiers.find(code).ifPresent(d -> {
            if (insert(code, d.procedureCode(), d.agencyCode(), d.channel(), d.receivedAt(), d.dueAt())) {
                counts.changed(null, code);
            }
        });
    }

    /** False when the row was there already. */
    private boolean insert(
            String code,
            String procedureCode,
            String agencyCode,
            NewDossier.Channel channel,
            LocalDateTime receivedAt,
            LocalDateTime dueAt) {
        // the catalogue as the steps read it (kept a minute): a sector renamed reaches new rows within that time
        String sector =
                procedures.findForStep(procedureCode).map(Procedure::sector).orElse(procedureCode);
        try {
            rows.insert(code, procedureCode, agencyCode, sector, channel.name(), receivedAt, dueAt);
            return true;
        } catch (DuplicateKeyException again) {
            log.info("Reporting row of {} exists already: nothing done", code);
            return false;
        }
    }

    /**
     * Forgets every row and makes them again from the dossier tables and the clocks, then the report's counters from
     * the rows, in one transaction. The sealed results ({@link SealedResults}) stay: no dossier table holds them.
     */
    @Transactional
    int rebuild() {
        rows.deleteAll();
        List<String> codes = dossiers.allCodes();
        for (String code : codes) {
            replay(dossiers.find(code).orElseThrow());
        }
        counts.recount();
        log.info("Reporting read model rebuilt from the dossier tables: {} dossiers", codes.size());
        return codes.size();
    }

    /**
     * The row of one dossier as its events would have made it: the filing's values (the appointment in force), then
     * each closing and the return from its status history, then an apology's new date; the counters are made after
     * all rows.
     */
    private void replay(Dossier d) {
        insert(d.code(), d.procedureCode(), d.agencyCode(), d.channel(), d.receivedAt(), d.dueAt());
        DossierStatus from = DossierStatus.SUBMITTED;
        for (StatusChange change : dossiers.statusChanges(d.code())) {
            DossierStatus to = change.status();
            if (to != from) {
                closed(d.code(), from, to, change.changedAt());
                if (to == DossierStatus.DONE) {
                    resolved(new ResultIssued(
                            d.code(), d.procedureCode(), d.agencyCode(), change.changedAt(), d.dueAt()));
                } else if (to == DossierStatus.RETURNED) {
                    rows.returned(d.code(), change.changedAt());
                }
            }
            from = to;
        }
        clocks.dossierClock(d.code())
                .filter(clock -> clock.extendedDueAt() != null)
                .ifPresent(clock -> rows.updateExtendedDue(d.code(), clock.extendedDueAt()));
    }
}
