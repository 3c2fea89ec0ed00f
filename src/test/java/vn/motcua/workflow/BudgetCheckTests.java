package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.IntegrationTest;

/** The deployed models and the catalogue: step budgets never add up to more than the legal time. */
@IntegrationTest
class BudgetCheckTests {

    @Autowired
    BudgetCheck check;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoCatalogueFitsItsLegalTimes() {
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void namesAProcedureWhoseBudgetsExceedItsLegalTime() {
        jdbc.update("update catalog_step_budget set budget = '2d' where procedure_code = '2.000635.H43'"
                + " and task_key = 'Task_AppraiseDossier'");
        try {
            assertThat(check.problems())
                    .singleElement()
                    .asString()
                    .contains("2.000635.H43", "standard-procedure.bpmn", "more than its legal time of 1 WORKING_DAYS");
        } finally {
            jdbc.update("update catalog_step_budget set budget = '2h' where procedure_code = '2.000635.H43'"
                    + " and task_key = 'Task_AppraiseDossier'");
        }
    }
}
