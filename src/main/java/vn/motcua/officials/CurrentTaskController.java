package vn.motcua.officials;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.Dossiers;

/**
 * One call for what a Tasklist-like client does three calls for at every step (list the dossier's tasks, claim,
 * complete; issue 17): the official completes their task of the dossier, claimed for them if nobody had it. The engine
 * does the work as the caller (its authorizations, its history's assignee, the forms' checks), in one transaction: a
 * completion refused leaves the task as it was, unclaimed if it was.
 */
@RestController
class CurrentTaskController {

    private static final int ATTEMPTS = 3;

    private final TaskService tasks;
    private final IdentityService identity;
    private final Dossiers dossiers;
    private final TransactionTemplate transaction;

    CurrentTaskController(
            TaskService tasks, IdentityService identity, Dossiers dossiers, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.identity = identity;
        this.dossiers = dossiers;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What was done: the task, and who completed it. */
    record Completed(String dossierCode, String taskKey, String taskId, String completedBy) {}

    @PostMapping("/api/officials/dossiers/{code}/tasks/{taskKey}/complete")
    @Operation(
            summary = "Complete the caller's task of the dossier at step taskKey (claimed for the caller if unclaimed)",
            description = "The body is a JSON object of the form's values (text, numbers, true/false). Only an official"
                    + " of the task's department, or the official it is assigned to, may complete it: others 403; a"
                    + " dossier not at that step 409, a task claimed by someone else 409, a value the form refuses 400;"
                    + " nothing changes then. Same effect as GET /engine-rest/task?processInstanceBusinessKey=…, POST"
                    + " /engine-rest/task/{id}/claim and POST /engine-rest/task/{id}/complete.")
    ResponseEntity<Completed> complete(
            @PathVariable("code") String typed,
            @PathVariable("taskKey") String taskKey,
            @RequestBody(required = false) JsonNode body,
            Principal caller) {
        String code = DossierCode.normalise(typed);
        Map<String, Object> variables = variables(body);
        String user = caller.getName();
        List<String> groups = groups(caller);
        for (int attempt = 1; ; attempt++) {
            try {
                Completed done = transaction.execute(tx -> completeOnce(code, taskKey, user, groups, variables));
                return ResponseEntity.ok(done);
            } catch (OptimisticLockingException concurrentUpdate) {
                // the deadline scan or a timer changed the task or process meanwhile: nothing was stored, run again
                if (attempt == ATTEMPTS) {
                    throw UserError.conflict(
                            "Hồ sơ " + code + " vừa được cập nhật đồng thời; vui lòng thử lại.",
                            "Dossier " + code + " was updated concurrently; please try again.");
                }
            } catch (FormFieldValidationException refused) {
                throw UserError.badRequest(refused.getMessage(), refused.getMessage());
            }
        }
    }

    private Completed completeOnce(
            String code, String taskKey, String user, List<String> groups, Map<String, Object> variables) {
        // found by the rule the engine's task permissions express (assignee, or candidate of the caller's groups), then
        // claimed and completed as the caller: the engine's authorizations judge both as they judge Tasklist's calls
        Task task = mine(code, taskKey, user, groups);
        identity.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                try {
                    tasks.claim(task.getId(), user);
                } catch (TaskAlreadyClaimedException claimedMeanwhile) {
                    throw claimedByAnother(code, taskKey);
                }
            }
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        return new Completed(code, taskKey, task.getId(), user);
    }

    /** The task at that step that is the caller's or their departments' (unclaimed), else why not. */
    private Task mine(String code, String taskKey, String user, List<String> groups) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(taskKey)
                .active()
                .list();
        for (Task task : open) {
            if (user.equals(task.getAssignee())) {
                return task;
            }
        }
        List<Task> unclaimed =
                open.stream().filter(t -> t.getAssignee() == null).toList();
        if (!unclaimed.isEmpty() && !groups.isEmpty()) {
            List<Task> ours = tasks.createTaskQuery()
                    .processInstanceBusinessKey(code)
                    .taskDefinitionKey(taskKey)
                    .active()
                    .taskCandidateGroupIn(groups)
                    .list();
            if (!ours.isEmpty()) {
                return ours.get(0);
            }
        }
        if (open.isEmpty()) {
            if (dossiers.find(code).isEmpty()) {
                throw UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + ".");
            }
            throw UserError.conflict(
                    "Hồ sơ " + code + " không ở bước " + taskKey + ".",
                    "Dossier " + code + " is not at " + taskKey + ".");
        }
        if (unclaimed.isEmpty()) {
            throw claimedByAnother(code, taskKey);
        }
        throw new UserError(
                HttpStatus.FORBIDDEN,
                "Bước " + taskKey + " của hồ sơ " + code + " không thuộc phòng, đơn vị của bạn.",
                "Step " + taskKey + " of dossier " + code + " is not for your department.");
    }

    private static UserError claimedByAnother(String code, String taskKey) {
        return UserError.conflict(
                "Bước " + taskKey + " của hồ sơ " + code + " đã được một cán bộ khác nhận xử lý.",
                "Step " + taskKey + " of dossier " + code + " is claimed by another official.");
    }

    /** The form's values: a JSON object of text, numbers, true/false or null; anything else is refused whole. */
    private static Map<String, Object> variables(JsonNode body) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (body == null || body.isNull()) {
            return variables;
        }
        if (!body.isObject()) {
            throw notValues();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            Object plain;
            if (value.isNull()) {
                plain = null;
            } else if (value.isTextual()) {
                plain = value.asText();
            } else if (value.isBoolean()) {
                plain = value.asBoolean();
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                plain = value.canConvertToInt() ? (Object) value.asInt() : (Object) value.asLong();
            } else if (value.isNumber()) {
                plain = value.asDouble();
            } else {
                throw notValues();
            }
            variables.put(field.getKey(), plain);
        }
        return variables;
    }

    private static UserError notValues() {
        return UserError.badRequest(
                "Nội dung gửi phải là một đối tượng JSON gồm các giá trị của biểu mẫu (chữ, số, đúng/sai).",
                "The body must be a JSON object of the form's values (text, numbers, true/false).");
    }

    private static List<String> groups(Principal caller) {
        List<String> groups = new ArrayList<>();
        if (caller instanceof Authentication auth) {
            for (GrantedAuthority authority : auth.getAuthorities()) {
                if (authority.getAuthority() != null
                        && !authority.getAuthority().startsWith("ROLE_")) {
                    groups.add(authority.getAuthority());
                }
            }
        }
        return groups;
    }
}
