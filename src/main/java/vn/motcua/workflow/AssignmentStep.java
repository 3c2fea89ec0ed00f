package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedures;
import vn.motcua.officials.Assignments;

/**
 * A user task marked {@code assignFrom=<role>} picks a member of the procedure's department of that role into its
 * {@code outcome} variable: the members are offered when the task starts and the choice is checked when it completes.
 */
@Component
class AssignmentStep {

    private final Procedures procedures;
    private final Assignments assignments;

    AssignmentStep(Procedures procedures, Assignments assignments) {
        this.procedures = procedures;
        this.assignments = assignments;
    }

    void offer(DelegateTask task, ModelProperties model) {
        assignments.offer(task, department(task, model), model.get(ModelProperties.OUTCOME));
    }

    void check(DelegateTask task, ModelProperties model) {
        assignments.check(task, department(task, model), model.get(ModelProperties.OUTCOME));
    }

    private String department(DelegateTask task, ModelProperties model) {
        String code = (String) task.getExecution().getVariable(StepBehaviour.VAR_PROCEDURE_CODE);
        return procedures
                .findForStep(code)
                .orElseThrow(() -> new IllegalStateException("No catalogue procedure '" + code + "'"))
                .departmentFor(model.get(ModelProperties.ASSIGN_FROM));
    }
}
