package vn.motcua.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * Checks, once the models are deployed, that each procedure's step budgets (catalogue overrides over the model's
 * defaults) add up to no more than its legal time: otherwise every step can be on time and the dossier still late.
 */
@Component
class BudgetCheck {

    private static final Logger log = LoggerFactory.getLogger(BudgetCheck.class);

    private final Procedures procedures;
    private final RepositoryService repository;

    BudgetCheck(Procedures procedures, RepositoryService repository) {
        this.procedures = procedures;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onDeployed() {
        problems().forEach(log::error);
    }

    /** One sentence per procedure whose budgets exceed its legal time, naming the procedure, model and sum. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Procedure procedure : procedures.search(null, null)) {
            ProcessDefinition definition = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(procedure.processKey())
                    .latestVersion()
                    .singleResult();
            if (definition == null) {
                continue; // ProcedureModelsTests names procedures without a deployed model
            }
            Map<String, Long> budgets = StepBudgets.ofOrdinaryWay(
                    repository.getBpmnModelInstance(definition.getId()),
                    task -> procedures.stepBudget(procedure.code(), task));
            long sum = budgets.values().stream().mapToLong(Long::longValue).sum();
            long legal = legalMinutes(procedure);
            if (legal > 0 && sum > legal) {
                problems.add("Procedure " + procedure.code() + " (model " + definition.getResourceName()
                        + "): step budgets " + budgets + " add up to " + hours(sum) + " working hours, more than its"
                        + " legal time of " + procedure.legalTime() + " " + procedure.timeUnit() + " ("
                        + hours(legal) + " h)");
            }
        }
        return problems;
    }

    // calendar days have no fixed number of working hours; they are not checked
    static long legalMinutes(Procedure procedure) {
        return switch (procedure.timeUnit()) {
            case WORKING_HOURS -> procedure.legalTime() * 60L;
            case WORKING_DAYS -> procedure.legalTime() * (long) ModelProperties.MINUTES_PER_WORKING_DAY;
            case CALENDAR_DAYS -> 0;
        };
    }

    static String hours(long minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
