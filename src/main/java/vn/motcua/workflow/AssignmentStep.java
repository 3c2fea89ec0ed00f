package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.motcua.officials.Assignments;

/**
 * A user task marked {@code assignFrom=<role>} picks a member of the procedure's department of that role into its
 * {@code outcome} variable: the members are offered when the task starts and the choice is checked when it completes.
 */
@Component
class AssignmentStep {

    private final ProcessProcedures procedures;
    private final Assignments assignments;

    AssignmentStep(ProcessProcedures procedures, Assignments assignments) {
        this.procedures = procedures;
        this.assignments = assignments;
    }

    void offer(DelegateTask task, ModelProperties model) {
        assignments.offer(task, department(task, model), model.get(ModelProperties.OUTCOME));
    }

    /**
     * When the task ends by completion (not when a boundary event cancels it): in an execution listener, as the engine
     * passes its exception on unwrapped (a task listener's becomes a 500), and the whole completion is rolled back.
     */
    void check(DelegateExecution execution, ModelProperties model) {
        if (!execution.isCanceled()) {
            assignments.check(execution.getVariable(model.get(ModelProperties.OUTCOME)), department(execution, model));
        }
    }

    private String department(DelegateTask task, ModelProperties model) {
        return department(task.getExecution(), model);
    }

    private String department(DelegateExecution execution, ModelProperties model) {
        return procedures.department(procedures.of(execution), model.get(ModelProperties.ASSIGN_FROM));
    }
}
