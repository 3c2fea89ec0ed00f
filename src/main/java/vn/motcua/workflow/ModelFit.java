package vn.motcua.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureChecks;

/**
 * The import's checks of how a procedure would run: its model is deployed, the department groups its model's roles
 * route to exist, its step budgets name steps of the model, and the budgets of the ordinary way fit its legal time (the
 * rule {@link BudgetCheck} logs at startup, here refusing the import).
 */
@Component
class ModelFit implements ProcedureChecks {

    private final RepositoryService repository;
    private final IdentityService identity;

    ModelFit(@Lazy RepositoryService repository, @Lazy IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public List<Problem> problems(List<Candidate> candidates) {
        Map<String, Optional<BpmnModelInstance>> models = new HashMap<>();
        Map<String, Boolean> groups = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Procedure procedure = candidate.procedure();
            Optional<BpmnModelInstance> model = models.computeIfAbsent(procedure.processKey(), this::model);
            if (model.isEmpty()) {
                problems.add(new Problem(
                        candidate.row(),
                        "processKey",
                        "mô hình quy trình \"" + procedure.processKey() + "\" chưa được triển khai (bpmn/)",
                        "the process model \"" + procedure.processKey() + "\" is not deployed (bpmn/)"));
                continue;
            }
            departments(candidate, model.get(), groups, problems);
            budgets(candidate, model.get(), problems);
        }
        return problems;
    }

    private Optional<BpmnModelInstance> model(String processKey) {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
        return Optional.ofNullable(definition).map(d -> repository.getBpmnModelInstance(d.getId()));
    }

    private void departments(
            Candidate candidate, BpmnModelInstance model, Map<String, Boolean> groups, List<Problem> problems) {
        Set<String> named = new HashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String role = StepBudgets.property(task, ModelProperties.ROLE);
            if (role == null || StepBudgets.property(task, ModelProperties.DEPARTMENT) != null) {
                continue;
            }
            String group = candidate.procedure().departmentFor(role);
            boolean exists = groups.computeIfAbsent(
                    group, g -> identity.createGroupQuery().groupId(g).count() > 0);
            String field = "reception".equals(role) ? "receptionUnit" : "handlingUnit";
            if (!exists && named.add(group)) {
                problems.add(new Problem(
                        candidate.row(),
                        field,
                        "không có nhóm phòng ban \"" + group + "\" cho bước " + task.getId() + " (vai trò " + role
                                + ")",
                        "there is no department group \"" + group + "\" for step " + task.getId() + " (role " + role
                                + ")"));
            }
        }
    }

    private static void budgets(Candidate candidate, BpmnModelInstance model, List<Problem> problems) {
        Procedure procedure = candidate.procedure();
        for (String task : candidate.stepBudgets().keySet()) {
            if (!(model.getModelElementById(task) instanceof FlowNode step)
                    || !(step instanceof UserTask || step instanceof ReceiveTask)) {
                problems.add(new Problem(
                        candidate.row(),
                        "stepBudgets." + task,
                        "mô hình " + procedure.processKey() + " không có bước " + task,
                        "the model " + procedure.processKey() + " has no step " + task));
            }
        }
        Map<String, Long> budgets = StepBudgets.ofOrdinaryWay(
                model, task -> Optional.ofNullable(candidate.stepBudgets().get(task)));
        long sum = budgets.values().stream().mapToLong(Long::longValue).sum();
        long legal = BudgetCheck.legalMinutes(procedure);
        if (legal > 0 && sum > legal) {
            String hours = BudgetCheck.hours(sum);
            String legalHours = BudgetCheck.hours(legal);
            problems.add(new Problem(
                    candidate.row(),
                    "stepBudgets",
                    "thời hạn các bước trên đường xử lý cộng lại " + hours + " giờ làm việc, quá thời hạn giải quyết "
                            + procedure.legalTime() + " " + unit(procedure) + " (" + legalHours + " giờ)",
                    "the step budgets on the way through the model add up to " + hours + " working hours, more than"
                            + " the legal time of " + procedure.legalTime() + " " + procedure.timeUnit() + " ("
                            + legalHours + " h)"));
        }
    }

    private static String unit(Procedure procedure) {
        return switch (procedure.timeUnit()) {
            case WORKING_DAYS -> "ngày làm việc";
            case WORKING_HOURS -> "giờ làm việc";
            case CALENDAR_DAYS -> "ngày";
        };
    }
}
