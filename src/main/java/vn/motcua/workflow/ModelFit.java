package vn.motcua.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.DepartmentRoutes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureChecks;

/**
 * The import's checks of how a procedure would run: its model is deployed, each role of its model has a department route
 * to a group that exists, its step budgets name steps of the model, and the budgets of the ordinary way fit its legal time (the
 * rule {@link BudgetCheck} logs at startup, here refusing the import).
 */
@Component
class ModelFit implements ProcedureChecks {

    private final RepositoryService repository;
    private final IdentityService identity;
    private final DepartmentRoutes routes;

    ModelFit(@Lazy RepositoryService repository, @Lazy IdentityService identity, DepartmentRoutes routes) {
        this.repository = repository;
        this.identity = identity;
        this.routes = routes;
    }

    @Override
    public List<Problem> problems(List<Candidate> candidates) {
        Map<String, Optional<BpmnModelInstance>> models = new HashMap<>();
        Map<String, Boolean> groups = new HashMap<>();
        DepartmentRoutes.Table stored = routes.current();
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
            departments(candidate, model.get(), stored, groups, problems);
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

    /**
     * Each role the model's steps name (role, assignFrom) routes to a group that exists: the import's own route for the
     * procedure, else the stored one (exact, else the agency's default); each route the import gives names a group
     * that exists, used by the model or not (the apology letter asks head and leader of any procedure).
     */
    private void departments(
            Candidate candidate,
            BpmnModelInstance model,
            DepartmentRoutes.Table stored,
            Map<String, Boolean> groups,
            List<Problem> problems) {
        Procedure procedure = candidate.procedure();
        Map<String, String> steps = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String role = StepBudgets.property(task, ModelProperties.ROLE);
            if (role != null && StepBudgets.property(task, ModelProperties.DEPARTMENT) == null) {
                steps.putIfAbsent(role, task.getId());
            }
            String assignFrom = StepBudgets.property(task, ModelProperties.ASSIGN_FROM);
            if (assignFrom != null) {
                steps.putIfAbsent(assignFrom, task.getId());
            }
        }
        steps.forEach((role, step) -> {
            Optional<String> group = Optional.ofNullable(candidate.routes().get(role))
                    .or(() -> stored.find(procedure.agencyCode(), procedure.code(), role));
            if (group.isEmpty()) {
                problems.add(new Problem(
                        candidate.row(),
                        "routes." + role,
                        "chưa có tuyến phòng ban cho vai trò " + role + " (bước " + step + ") tại cơ quan "
                                + procedure.agencyCode() + ": thêm \"routes\": {\"" + role
                                + "\": \"<nhóm>\"} cho thủ tục, hoặc tuyến mặc định của cơ quan"
                                + " (PUT /api/catalogue/routes)",
                        "there is no department route for role " + role + " (step " + step + ") at agency "
                                + procedure.agencyCode() + ": give \"routes\": {\"" + role
                                + "\": \"<group>\"} for the procedure, or the agency's default route"
                                + " (PUT /api/catalogue/routes)"));
            } else {
                exists(candidate, role, group.get(), " cho bước " + step, " for step " + step, groups, problems);
            }
        });
        candidate.routes().forEach((role, group) -> {
            if (!steps.containsKey(role)) {
                exists(candidate, role, group, "", "", groups, problems);
            }
        });
    }

    private void exists(
            Candidate candidate,
            String role,
            String group,
            String forStep,
            String forStepEn,
            Map<String, Boolean> groups,
            List<Problem> problems) {
        if (!groups.computeIfAbsent(
                group, g -> identity.createGroupQuery().groupId(g).count() > 0)) {
            problems.add(new Problem(
                    candidate.row(),
                    "routes." + role,
                    "không có nhóm phòng ban \"" + group + "\"" + forStep + " (vai trò " + role + ")",
                    "there is no department group \"" + group + "\"" + forStepEn + " (role " + role + ")"));
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
