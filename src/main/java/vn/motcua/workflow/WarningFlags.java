package vn.motcua.workflow;

import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.sla.DeadlineApproaching;

/** Flags a task whose due time is near, so that Tasklist shows it beside the task's follow-up date. */
@Component
class WarningFlags {

    /** Task-local variable, true once the step's warning time has passed. */
    static final String VAR_DEADLINE_WARNING = "deadlineWarning";

    private final TaskService tasks;

    WarningFlags(TaskService tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void flag(DeadlineApproaching warning) {
        if (warning.isStep() && tasks.createTaskQuery().taskId(warning.taskId()).count() > 0) {
            tasks.setVariableLocal(warning.taskId(), VAR_DEADLINE_WARNING, true);
        }
    }
}
