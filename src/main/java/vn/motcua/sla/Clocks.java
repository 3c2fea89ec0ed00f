package vn.motcua.sla;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;

/**
 * The clock of each dossier and each step, driven by the engine steps that move them; every write joins the engine's
 * transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Clocks {

    private final SlaMapper clocks;
    private final Deadlines deadlines;
    private final SlaSettings settings;
    private final Clock clock;

    Clocks(SlaMapper clocks, Deadlines deadlines, SlaSettings settings, Clock clock) {
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    /** The view of a dossier's clock for tracking and reports. */
    public record DossierClock(
            LocalDateTime dueAt,
            LocalDateTime extendedDueAt,
            String apologyReason,
            LocalDateTime apologyAt,
            boolean warned,
            boolean paused,
            int supplementRequests) {}

    /** A supplement that the procedure's policy does not allow any more. */
    public static class SupplementRefused extends RuntimeException {
        private final String vietnamese;

        SupplementRefused(String vietnamese, String english) {
            super(english);
            this.vietnamese = vietnamese;
        }

        public String vietnamese() {
            return vietnamese;
        }
    }

    /** The legal clock starts (or starts again) when the dossier is accepted, with this due time. */
    public void accepted(String code, String procedureCode, LocalDateTime due) {
        LocalDateTime warnAt = warnAt(due);
        if (clocks.clock(code).isPresent()) {
            clocks.updateDue(code, due, warnAt);
        } else {
            clocks.insertClock(code, procedureCode, due, warnAt);
        }
    }

    /**
     * A supplement is asked at {@code now}. During handling, the procedure's policy caps the requests and stops the
     * clock; at reception the clock has not started (domain.md §6.2). Either way the citizen has the policy's
     * timeout, counted in working time.
     *
     * @return when the dossier is closed if the supplement has not come
     * @throws SupplementRefused when the procedure's maximum of requests is reached
     */
    public LocalDateTime supplementRequested(String code, String procedureCode, LocalDateTime now) {
        SupplementPolicy policy = policyOf(procedureCode);
        Optional<SlaMapper.ClockRow> running = clocks.clock(code);
        if (running.isPresent()) {
            if (running.get().supplementRequests() >= policy.maxRequests()) {
                throw new SupplementRefused(
                        "Thủ tục này chỉ cho phép yêu cầu bổ sung hồ sơ tối đa " + policy.maxRequests() + " lần; hồ sơ "
                                + code + " đã được yêu cầu đủ số lần.",
                        "This procedure allows at most " + policy.maxRequests() + " supplement request(s); dossier "
                                + code + " has had them all.");
            }
            clocks.pause(code, now);
        }
        return deadlines.addWorkingMinutes(now, policy.timeoutWorkingDays() * WorkingTime.MINUTES_PER_DAY);
    }

    /**
     * The supplement came at {@code now}: under PAUSE_RESUME the due time moves by the working time the clock stood
     * still; under RESTART the legal time counts again from now; under NONE nothing moves.
     *
     * @return the new due time, when it moved
     */
    public Optional<LocalDateTime> supplementReceived(String code, Procedure procedure, LocalDateTime now) {
        Optional<SlaMapper.ClockRow> paused = clocks.clock(code).filter(row -> row.pausedAt() != null);
        if (paused.isEmpty()) {
            return Optional.empty();
        }
        SlaMapper.ClockRow row = paused.get();
        LocalDateTime due = switch (policyOf(procedure.code()).clockPolicy()) {
            case PAUSE_RESUME ->
                deadlines.addWorkingMinutes(
                        row.dueAt(), Math.max(0, deadlines.workingMinutesBetween(row.pausedAt(), now)));
            case RESTART ->
                deadlines
                        .forAgency(procedure.agencyCode())
                        .due(now, procedure.legalTime(), procedure.timeUnit(), procedure.cutOffTime());
            case NONE -> row.dueAt();
        };
        clocks.updateDue(code, due, warnAt(due));
        return Optional.of(due);
    }

    public void finished(String code, LocalDateTime at) {
        clocks.finish(code, at);
    }

    /** @return the follow-up time: when the department is warned before the step's due time */
    public LocalDateTime stepStarted(String taskId, String code, String stepKey, String department, LocalDateTime due) {
        LocalDateTime warnAt = warnAt(due);
        clocks.insertStep(taskId, code, stepKey, department, due, warnAt);
        return warnAt;
    }

    public void stepCompleted(String taskId, LocalDateTime at) {
        clocks.completeStep(taskId, at);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<DossierClock> dossierClock(String code) {
        return clocks.clock(code)
                .map(row -> new DossierClock(
                        row.dueAt(),
                        row.extendedDueAt(),
                        row.apologyReason(),
                        row.apologyAt(),
                        row.warnedAt() != null,
                        row.pausedAt() != null,
                        row.supplementRequests()));
    }

    /** Early, on time or late against the original due time; within time or overdue while not finished. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Timeliness timeliness(LocalDateTime due, LocalDateTime finished) {
        return timelinessNow().of(due, finished);
    }

    /**
     * {@link #timeliness} now, for judging many times at once without a call (and its transaction interceptor) each:
     * a tracking answer judges each of its steps (issue 17).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Timeliness.At timelinessNow() {
        return new Timeliness.At(LocalDateTime.now(clock), settings.timeliness());
    }

    /** How {@link #timeliness} compares a finish with its due time (configuration). */
    public Timeliness.Granularity timelinessGranularity() {
        return settings.timeliness();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public SupplementPolicy policyOf(String procedureCode) {
        return clocks.policy(procedureCode).orElseGet(SupplementPolicy::defaults);
    }

    private LocalDateTime warnAt(LocalDateTime due) {
        return deadlines.subtractWorkingMinutes(due, settings.warnBeforeMinutes());
    }
}
