package vn.motcua.workflow;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.DepartmentRoutes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * The version of its catalogue procedure a process runs: the one its dossier was filed under (variable
 * {@code procedureVersion}, set at filing), else, for a process started before versions existed, the one in force now.
 */
@Component
class ProcessProcedures {

    static final String VAR_PROCEDURE_VERSION = "procedureVersion";

    private final Procedures procedures;
    private final DepartmentRoutes routes;

    ProcessProcedures(Procedures procedures, DepartmentRoutes routes) {
        this.procedures = procedures;
        this.routes = routes;
    }

    /** Read through the steps' one-minute cache (engine steps read the same procedure at every task). */
    Procedure of(DelegateExecution execution) {
        return read(execution, true);
    }

    /** Read fresh from the catalogue. */
    Procedure freshOf(DelegateExecution execution) {
        return read(execution, false);
    }

    private Procedure read(DelegateExecution execution, boolean kept) {
        String code = (String) execution.getVariable(StepBehaviour.VAR_PROCEDURE_CODE);
        Optional<Procedure> procedure;
        if (execution.getVariable(VAR_PROCEDURE_VERSION) instanceof Number version) {
            procedure = kept
                    ? procedures.versionForStep(code, version.intValue())
                    : procedures.version(code, version.intValue());
        } else {
            procedure = kept ? procedures.findForStep(code) : procedures.find(code);
        }
        return procedure.orElseThrow(() -> new IllegalStateException("Process " + execution.getProcessInstanceId()
                + " has no catalogue procedure '" + code + "': dossiers must be filed through reception"));
    }

    /** The department group of the role for the procedure (department_route, kept like {@link #of}); fails without one. */
    String department(Procedure procedure, String role) {
        return routes.departmentFor(procedure, role);
    }

    /** The budget this version of the procedure sets for the step, else the model's; kept like {@link #of}. */
    String stepBudget(Procedure procedure, String stepKey, String modelBudget) {
        return procedures.stepBudgetForStep(procedure, stepKey).orElse(modelBudget);
    }

    /** {@link #stepBudget} read fresh. */
    String freshStepBudget(Procedure procedure, String stepKey, String modelBudget) {
        return procedures.stepBudget(procedure, stepKey).orElse(modelBudget);
    }
}
