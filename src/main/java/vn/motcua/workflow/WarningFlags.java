package vn.motcua.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.sla.DeadlineApproaching;

/**
 * Flags a task whose due time is near, so that Tasklist shows it beside the task's follow-up date. The flag is set
 * after the warning scan has committed, each in a short transaction of its own: a task an official is working on at
 * that very moment is a concurrent update of the same row, and then the flag (not the official) gives way.
 */
@Component
class WarningFlags {

    /** Task-local variable, true once the step's warning time has passed. */
    static final String VAR_DEADLINE_WARNING = "deadlineWarning";

    private static final Logger log = LoggerFactory.getLogger(WarningFlags.class);

    private final TaskService tasks;
    private final TransactionTemplate own;

    WarningFlags(TaskService tasks, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void flag(DeadlineApproaching warning) {
        if (!warning.isStep()) {
            return;
        }
        try {
            own.executeWithoutResult(status -> {
                if (tasks.createTaskQuery().taskId(warning.taskId()).count() > 0) {
                    tasks.setVariableLocal(warning.taskId(), VAR_DEADLINE_WARNING, true);
                }
            });
        } catch (OptimisticLockingException busy) {
            // the official claimed or completed the task meanwhile; the step's warning itself is recorded by sla
            log.info("Task {} changed while being flagged; not flagged", warning.taskId());
        }
    }
}
