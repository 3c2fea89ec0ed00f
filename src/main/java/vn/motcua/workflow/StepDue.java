package vn.motcua.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;

/**
 * When a step's budget runs out, in the working calendar of the procedure's agency, for the models' timers:
 * {@code ${stepDue.after(execution, '2d')}} on a boundary timer of the step; the catalogue's budget for that step wins.
 * Public, because the engine's expression language calls it.
 */
@Component
public class StepDue {

    private final ProcessProcedures procedures;
    private final Deadlines deadlines;
    private final Clock clock;

    StepDue(ProcessProcedures procedures, Deadlines deadlines, Clock clock) {
        this.procedures = procedures;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Date after(DelegateExecution execution, String budget) {
        Procedure procedure = procedures.freshOf(execution);
        String stepBudget = procedures.freshStepBudget(procedure, execution.getCurrentActivityId(), budget);
        LocalDateTime due = deadlines
                .forAgency(procedure.agencyCode())
                .addWorkingMinutes(LocalDateTime.now(clock), ModelProperties.budgetMinutes(stepBudget));
        return Date.from(due.atZone(clock.getZone()).toInstant());
    }
}
