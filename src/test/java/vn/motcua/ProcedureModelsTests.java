package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.catalog.DepartmentRoutes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/**
 * The catalogue and the deployed models fit together: every procedure's process and start form exist, every user task
 * goes to a department that exists, every form and bean a model names exists. Problems name the file and the element.
 */
@IntegrationTest
class ProcedureModelsTests {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    @Autowired
    Procedures procedures;

    @Autowired
    DepartmentRoutes routes;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    ApplicationContext application;

    Set<String> forms;

    @BeforeEach
    void readForms() throws IOException {
        forms = formIds();
    }

    @Test
    void everyProcedureRunsADeployedProcessWithAnExistingStartForm() {
        for (Procedure procedure : procedures.search(null, null)) {
            assertThat(definition(procedure.processKey()))
                    .as("process %s of procedure %s", procedure.processKey(), procedure.code())
                    .isNotNull();
            assertThat(forms).as("start form of procedure %s", procedure.code()).contains(procedure.startForm());
        }
    }

    @Test
    void everyDeployedModelNamesOnlyDepartmentsFormsAndBeansThatExist() {
        List<String> problems = new ArrayList<>();
        for (Procedure procedure : procedures.search(null, null)) {
            ProcessDefinition definition = definition(procedure.processKey());
            problems.addAll(problems(
                    procedure, definition.getResourceName(), repository.getBpmnModelInstance(definition.getId())));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aModelNamingAMissingDepartmentFormOrBeanIsReportedByFileAndElement() {
        BpmnModelInstance broken =
                Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="broken" isExecutable="true">
                    <userTask id="Task_Lost" camunda:formRef="form_khong_ton_tai">
                      <extensionElements>
                        <camunda:properties>
                          <camunda:property name="department" value="phong-khong-ton-tai" />
                        </camunda:properties>
                      </extensionElements>
                    </userTask>
                    <serviceTask id="Task_Ghost" camunda:delegateExpression="${beanKhongTonTai}" />
                  </process>
                </definitions>
                """.getBytes(StandardCharsets.UTF_8)));
        Procedure procedure = procedures.find("1.009994.H43").orElseThrow();

        assertThat(problems(procedure, "bpmn/broken.bpmn", broken))
                .containsExactlyInAnyOrder(
                        "bpmn/broken.bpmn#Task_Lost: department phong-khong-ton-tai does not exist",
                        "bpmn/broken.bpmn#Task_Lost: form form_khong_ton_tai is not in forms/",
                        "bpmn/broken.bpmn#Task_Ghost: bean beanKhongTonTai is not in the application");
    }

    private List<String> problems(Procedure procedure, String file, BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String department = property(task, "department");
            String group = department != null ? department : routes.departmentFor(procedure, property(task, "role"));
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                problems.add(file + "#" + task.getId() + ": department " + group + " does not exist");
            }
            if (task.getCamundaFormRef() != null && !forms.contains(task.getCamundaFormRef())) {
                problems.add(file + "#" + task.getId() + ": form " + task.getCamundaFormRef() + " is not in forms/");
            }
        }
        for (ModelElementInstance element :
                model.getModelElementsByType(model.getModel().getType(BaseElement.class))) {
            for (String attribute : List.of("delegateExpression", "expression")) {
                Matcher bean = BEAN.matcher(String.valueOf(element.getAttributeValueNs(CAMUNDA_NS, attribute)));
                if (bean.find() && !application.containsBean(bean.group(1))) {
                    problems.add(file + "#" + element.getAttributeValue("id") + ": bean " + bean.group(1)
                            + " is not in the application");
                }
            }
        }
        return problems;
    }

    private ProcessDefinition definition(String processKey) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
    }

    private static String property(UserTask task, String name) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
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
