package vn.motcua.officials;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The head assigns a dossier to one of the department's members, chosen from a list: the list is a task variable
 * ({@code <variable>Choices}, label and value for the form's dropdown) filled when the task starts; completing with
 * anyone else is refused (the engine REST API answers 400, Tasklist shows the message) and nothing changes.
 */
@Component
public class Assignments {

    private final People people;

    Assignments(People people) {
        this.people = people;
    }

    /** The name of the task variable holding the choices for {@code variable}, e.g. {@code specialistChoices}. */
    public static String choicesOf(String variable) {
        return variable + "Choices";
    }

    public void offer(DelegateTask task, String department, String variable) {
        List<Map<String, String>> choices = people.members(department).stream()
                .map(p -> Map.of("label", p.name() + " (" + p.id() + ")", "value", p.id()))
                .toList();
        task.setVariableLocal(
                choicesOf(variable),
                Variables.objectValue(choices)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
    }

    /**
     * Throws unless {@code chosen} is a member of the department: a form field validation failure, the one exception the
     * engine REST API's task completion and form submission answer with 400 (any other is a 500).
     */
    public void check(Object chosen, String department) {
        boolean member =
                chosen != null && people.members(department).stream().anyMatch(p -> p.id().equals(chosen.toString()));
        if (!member) {
            String name = people.departmentName(department);
            throw new FormFieldValidationException(
                    department,
                    "Người được phân công \"" + (chosen == null ? "" : chosen)
                            + "\" không phải là thành viên của " + name
                            + ": vui lòng chọn một người trong danh sách. / The assignee \""
                            + (chosen == null ? "" : chosen)
                            + "\" is not a member of " + department
                            + ": choose someone from the list; nothing was changed.");
        }
    }
}
