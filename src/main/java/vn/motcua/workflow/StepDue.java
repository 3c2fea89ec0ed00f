package vn.motcua.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * When a step's budget runs out, in the working calendar of the procedure's agency, for the models' timers:
 * {@code ${stepDue.after(execution, '2d')}} on a boundary timer of the step; the catalogue's budget for that step wins.
 * Public, because the engine's expression language calls it.
 */
@Component
public class StepDue {

    private final Procedures procedures;
    private final Deadlines deadlines;
    private final Clock clock;

    StepDue(Procedures procedures, Deadlines deadlines, Clock clock) {
        this.procedures = procedures;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Date after(DelegateExecution execution, String budget) {
        String code = (String) execution.getVariable(StepBehaviour.VAR_PROCEDURE_CODE);
        Procedure procedure = procedures
                .find(code)
                .orElseThrow(() -> new IllegalStateException(
                        "Process " + execution.getProcessInstanceId() + " has no catalogue procedure '" + code + "'"));
        String stepBudget = procedures
                .stepBudget(procedure.code(), execution.getCurrentActivityId())
                .orElse(budget);
        LocalDateTime due = deadlines
                .forAgency(procedure.agencyCode())
                .addWorkingMinutes(LocalDateTime.now(clock), ModelProperties.budgetMinutes(stepBudget));
        return Date.from(due.atZone(clock.getZone()).toInstant());
    }
}
