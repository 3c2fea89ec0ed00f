package vn.motcua.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.Step;
import vn.motcua.sla.Clocks;

/** What happens to the dossier when its process reaches a step or a status; runs in the engine's transaction. */
@Component
class StepBehaviour {

    static final String VAR_PROCEDURE_CODE = "procedureCode";
    /** When an unanswered supplement request closes the dossier; the models' supplement timers wait for it. */
    static final String VAR_SUPPLEMENT_DEADLINE = "supplementDeadline";
    /** The agency that sent the message a process received (set by the inbox). */
    static final String VAR_HANDOFF_FROM = "handoffFrom";
    /** Outcome of a wait for another agency that a timeout ended. */
    static final String NO_ANSWER = "no-answer";

    private final ProcessProcedures procedures;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final Clocks clocks;
    private final IdentityService identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StepBehaviour(
            ProcessProcedures procedures,
            Dossiers dossiers,
            Deadlines deadlines,
            Clocks clocks,
            @Lazy IdentityService identity,
            Clock clock,
            ApplicationEventPublisher events) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.identity = identity;
        this.clock = clock;
        this.events = events;
    }

    void taskCreated(DelegateTask task, ModelProperties model) {
        Procedure procedure = procedureOf(task.getExecution());
        String department = model.has(ModelProperties.DEPARTMENT)
                ? model.resolve(ModelProperties.DEPARTMENT, task.getExecution())
                : procedures.department(procedure, model.get(ModelProperties.ROLE));
        task.addCandidateGroup(department);
        DepartmentReads.grant(department, task.getProcessInstanceId());
        String budget =
                procedures.stepBudget(procedure, task.getTaskDefinitionKey(), model.get(ModelProperties.BUDGET));
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime due = deadlines
                .forAgency(procedure.agencyCode())
                .addWorkingMinutes(now, ModelProperties.budgetMinutes(budget));
        task.setDueDate(date(due));
        String code = task.getExecution().getProcessBusinessKey();
        // the follow-up date is Tasklist's own "look at this again" marker: the warning time before the due time,
        // unless the step is so short that it would be overdue from the start
        LocalDateTime warnAt = clocks.stepStarted(task.getId(), code, task.getTaskDefinitionKey(), department, due);
        if (warnAt.isAfter(now)) {
            task.setFollowUpDate(date(warnAt));
        }
        dossiers.stepStarted(
                code,
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                department,
                model.get(ModelProperties.PUBLIC_STATUS),
                now,
                due);
        events.publishEvent(
                new StepStarted(code, task.getId(), task.getTaskDefinitionKey(), task.getName(), department, now, due));
        // Tasklist's cards and its search (task name "like") show and find the dossier by its whole code
        task.setName(code + " · " + task.getName());
    }

    void taskCompleted(DelegateTask task, ModelProperties model) {
        String actor = currentUser();
        LocalDateTime now = LocalDateTime.now(clock);
        String code = task.getExecution().getProcessBusinessKey();
        Optional<Step> step = openStep(code, task.getTaskDefinitionKey());
        String outcome = variable(task.getExecution(), model.get(ModelProperties.OUTCOME));
        clocks.stepCompleted(task.getId(), now);
        dossiers.stepCompleted(
                code,
                task.getId(),
                now,
                actor != null ? actor : task.getAssignee(),
                outcome,
                variable(task.getExecution(), model.get(ModelProperties.NOTE)));
        stepCompleted(code, task.getId(), task.getTaskDefinitionKey(), step, now, outcome);
    }

    /** The step of the timeline this completion ends (the dossier's row locked from here to the commit). */
    private Optional<Step> openStep(String code, String stepKey) {
        return dossiers.openStep(code, stepKey);
    }

    private void stepCompleted(
            String code, String stepId, String stepKey, Optional<Step> step, LocalDateTime now, String outcome) {
        LocalDateTime due = step.map(Step::dueAt).orElse(null);
        events.publishEvent(new StepCompleted(
                code,
                stepId,
                stepKey,
                step.map(Step::stepName).orElse(null),
                step.map(Step::department).orElse(null),
                due,
                now,
                clocks.timeliness(due, now),
                outcome));
    }

    /**
     * A receive task starts waiting for another agency: a step of that agency, identified by the activity instance,
     * due after its budget in the working calendar of the procedure's agency.
     */
    void waitStarted(DelegateExecution execution, ModelProperties model) {
        Procedure procedure = procedureOf(execution);
        String agency = model.resolve(ModelProperties.AGENCY, execution);
        String budget = procedures.freshStepBudget(
                procedure, execution.getCurrentActivityId(), model.get(ModelProperties.BUDGET));
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime due = deadlines
                .forAgency(procedure.agencyCode())
                .addWorkingMinutes(now, ModelProperties.budgetMinutes(budget));
        String code = execution.getProcessBusinessKey();
        String step = execution.getActivityInstanceId();
        clocks.stepStarted(step, code, execution.getCurrentActivityId(), agency, due);
        dossiers.stepStarted(
                code,
                step,
                execution.getCurrentActivityId(),
                execution.getCurrentActivityName(),
                agency,
                model.get(ModelProperties.PUBLIC_STATUS),
                now,
                due);
        events.publishEvent(new StepStarted(
                code, step, execution.getCurrentActivityId(), execution.getCurrentActivityName(), agency, now, due));
    }

    /** The answer came (the sending agency is the actor), or a timeout ended the wait without one. */
    void waitEnded(DelegateExecution execution, ModelProperties model) {
        LocalDateTime now = LocalDateTime.now(clock);
        String step = execution.getActivityInstanceId();
        String code = execution.getProcessBusinessKey();
        Optional<Step> open = openStep(code, execution.getCurrentActivityId());
        clocks.stepCompleted(step, now);
        String outcome;
        if (execution.isCanceled()) {
            outcome = NO_ANSWER;
            dossiers.stepCompleted(code, step, now, null, NO_ANSWER, null);
        } else {
            outcome = variable(execution, model.get(ModelProperties.OUTCOME));
            dossiers.stepCompleted(
                    code,
                    step,
                    now,
                    variable(execution, VAR_HANDOFF_FROM),
                    outcome,
                    variable(execution, model.get(ModelProperties.NOTE)));
        }
        stepCompleted(code, step, execution.getCurrentActivityId(), open, now, outcome);
    }

    /**
     * The procedure's legal time changes on the way (e.g. 5 working days instead of 3 when the police must verify,
     * domain.md §10.1): the appointment is counted again from acceptance; it never moves earlier.
     */
    void legalTimeChanged(DelegateExecution execution, ModelProperties model) {
        Procedure procedure = procedureOf(execution);
        String code = execution.getProcessBusinessKey();
        Optional<LocalDateTime> accepted = dossiers.statusChanges(code).stream()
                .filter(change -> change.status() == DossierStatus.ACCEPTED)
                .map(StatusChange::changedAt)
                .reduce((first, last) -> last);
        Dossier dossier = dossiers.find(code).orElseThrow();
        if (accepted.isEmpty()) {
            return; // not accepted yet: the appointment is counted at acceptance anyway
        }
        LocalDateTime due = deadlines
                .forAgency(procedure.agencyCode())
                .due(
                        accepted.get(),
                        Integer.parseInt(model.get(ModelProperties.LEGAL_TIME)),
                        procedure.timeUnit(),
                        procedure.cutOffTime());
        if (dossier.dueAt() == null || due.isAfter(dossier.dueAt())) {
            dossiers.appointmentSet(code, due);
            clocks.accepted(code, procedure.code(), due);
        }
        dossiers.statusChanged(
                code,
                dossier.status(),
                dossier.status(),
                LocalDateTime.now(clock),
                null,
                model.get(ModelProperties.PUBLIC_STATUS),
                null);
    }

    void statusReached(DelegateExecution execution, ModelProperties model) {
        DossierStatus status = DossierStatus.of(Integer.parseInt(model.get(ModelProperties.DOSSIER_STATUS)));
        String code = execution.getProcessBusinessKey();
        LocalDateTime now = LocalDateTime.now(clock);
        DossierStatus before = dossiers.find(code).map(d -> d.status()).orElse(null);
        if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            supplementRequested(execution, code, now);
        }
        LocalDateTime appointment = null;
        if (status == DossierStatus.ACCEPTED) {
            // the legal clock starts at acceptance, not at filing (domain.md §6.2); set before the status changes, so
            // that the receipt issued at that change (slips) prints this appointment
            Procedure procedure = procedureOf(execution);
            appointment = deadlines
                    .forAgency(procedure.agencyCode())
                    .due(now, procedure.legalTime(), procedure.timeUnit(), procedure.cutOffTime());
            dossiers.appointmentSet(code, appointment);
        }
        dossiers.statusChanged(
                code,
                before,
                status,
                now,
                currentUser(),
                model.get(ModelProperties.PUBLIC_STATUS),
                variable(execution, model.get(ModelProperties.NOTE)));
        if (status == DossierStatus.ACCEPTED) {
            clocks.accepted(code, procedureOf(execution).code(), appointment);
        } else if (before == DossierStatus.SUPPLEMENT_REQUESTED && resumesHandling(status)) {
            clocks.supplementReceived(code, procedureOf(execution), now)
                    .ifPresent(due -> dossiers.appointmentSet(code, due));
        }
        if (status == DossierStatus.REFUSED || status == DossierStatus.STOPPED || status == DossierStatus.DONE) {
            clocks.finished(code, now);
        }
    }

    /** The supplement came and handling goes on; a withdrawal or closure from the wait does not restart the clock. */
    private static boolean resumesHandling(DossierStatus status) {
        return status == DossierStatus.IN_PROCESS || status == DossierStatus.SUBMITTED;
    }

    private void supplementRequested(DelegateExecution execution, String code, LocalDateTime now) {
        try {
            LocalDateTime deadline =
                    clocks.supplementRequested(code, procedureOf(execution).code(), now);
            execution.setVariable(VAR_SUPPLEMENT_DEADLINE, date(deadline));
        } catch (Clocks.SupplementRefused refused) {
            // engine REST answers 400 with this message: the official completing the task sees why
            throw new BadUserRequestException(refused.vietnamese() + " / " + refused.getMessage());
        }
    }

    private Date date(LocalDateTime time) {
        return Date.from(time.atZone(clock.getZone()).toInstant());
    }

    private Procedure procedureOf(DelegateExecution execution) {
        return procedures.of(execution);
    }

    private String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static String variable(DelegateExecution execution, String name) {
        Object value = name == null ? null : execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
