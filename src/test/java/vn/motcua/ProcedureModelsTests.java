package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * The catalogue and the deployed models fit together: every procedure's process and start form exist, every user task
 * goes to a department that exists, and every bean a model names is in the application. Fails naming file and element.
 */
@IntegrationTest
class ProcedureModelsTests {

    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    @Autowired
    Procedures procedures;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    ApplicationContext application;

    @Test
    void everyProcedureRunsADeployedProcessWithAnExistingStartForm() throws IOException {
        Set<String> forms = formIds();
        for (Procedure procedure : procedures.search(null, null)) {
            assertThat(definition(procedure))
                    .as("process %s of procedure %s", procedure.processKey(), procedure.code())
                    .isNotNull();
            assertThat(forms).as("start form of procedure %s", procedure.code()).contains(procedure.startForm());
        }
    }

    @Test
    void everyUserTaskOfEveryProcedureGoesToAnExistingDepartment() {
        List<String> missing = new ArrayList<>();
        for (Procedure procedure : procedures.search(null, null)) {
            BpmnModelInstance model =
                    repository.getBpmnModelInstance(definition(procedure).getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String department = property(task, "department");
                String group = department != null ? department : procedure.departmentFor(property(task, "role"));
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    missing.add(procedure.code() + " " + definition(procedure).getResourceName() + "#" + task.getId()
                            + " → " + group);
                }
            }
        }
        assertThat(missing)
                .as("user tasks routed to departments that do not exist")
                .isEmpty();
    }

    @Test
    void everyBeanNamedByAModelExists() {
        List<String> missing = new ArrayList<>();
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (ModelElementInstance element : model.getModelElementsByType(
                    model.getModel().getType(org.camunda.bpm.model.bpmn.instance.BaseElement.class))) {
                for (String attribute : List.of("delegateExpression", "expression")) {
                    String value = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", attribute);
                    Matcher bean = BEAN.matcher(value == null ? "" : value);
                    if (bean.find() && !application.containsBean(bean.group(1))) {
                        missing.add(definition.getResourceName() + "#" + element.getAttributeValue("id") + " → "
                                + bean.group(1));
                    }
                }
            }
        }
        assertThat(missing)
                .as("beans named in models but not in the application")
                .isEmpty();
    }

    private ProcessDefinition definition(Procedure procedure) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(procedure.processKey())
                .latestVersion()
                .singleResult();
    }

    private static String property(UserTask task, String name) {
        return task.getExtensionElements() == null
                ? null
                : task
                        .getExtensionElements()
                        .getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                        .list()
                        .stream()
                        .flatMap(p -> p.getCamundaProperties().stream())
                        .filter(p -> name.equals(p.getCamundaName()))
                        .map(CamundaProperty::getCamundaValue)
                        .findFirst()
                        .orElse(null);
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ids.add(new ObjectMapper().readTree(in).path("id").asText());
            }
        }
        return ids;
    }
}
