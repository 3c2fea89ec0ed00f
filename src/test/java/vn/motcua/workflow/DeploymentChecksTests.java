package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentChecksTests {

    static final Set<String> GROUPS = Set.of("phanrang-specialist", "phanrang-head");
    static final Set<String> BEANS = Set.of("handoffs", "stepDue", "runtimeService", "dossiers");

    @Test
    void everyModelOfTheBuildPasses() throws Exception {
        try (var models = Files.list(Path.of("bpmn"))) {
            models.filter(model -> model.toString().endsWith(".bpmn")).forEach(model -> {
                try {
                    assertThat(DeploymentChecks.problems(
                                    model.toString(),
                                    Files.readAllBytes(model),
                                    group -> true,
                                    formIds(),
                                    BEANS::contains))
                            .as(model.toString())
                            .isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void aModelReachingBeyondTheAllowListIsRefusedWithTheElementNamed() {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <userTask id="Task_Lost" camunda:formRef="form_khong_ton_tai">
                      <extensionElements><camunda:properties>
                        <camunda:property name="department" value="phong-khong-ton-tai" />
                      </camunda:properties></extensionElements>
                    </userTask>
                    <serviceTask id="Task_Bean" camunda:expression="${runtimeService.deleteProcessInstance('x', 'y')}" />
                    <serviceTask id="Task_Class" camunda:class="java.lang.Runtime" />
                    <scriptTask id="Task_Script" scriptFormat="javascript"><script>1</script></scriptTask>
                    <sequenceFlow id="Flow_Escape" sourceRef="Task_Bean" targetRef="Task_Class">
                      <conditionExpression>${execution.processEngineServices.runtimeService != null}</conditionExpression>
                    </sequenceFlow>
                    <serviceTask id="Task_Ok" camunda:delegateExpression="${handoffs}" />
                    <sequenceFlow id="Flow_Ok" sourceRef="Task_Ok" targetRef="Task_Bean">
                      <conditionExpression>${receptionDecision == 'accept' &amp;&amp; stepDue.after(execution, '2d')}</conditionExpression>
                    </sequenceFlow>
                  </process>
                </definitions>
                """;
        assertThat(DeploymentChecks.problems(
                        "bpmn/x.bpmn",
                        model.getBytes(StandardCharsets.UTF_8),
                        GROUPS::contains,
                        Set.of("check-dossier"),
                        BEANS::contains))
                .containsExactlyInAnyOrder(
                        "bpmn/x.bpmn#Task_Lost: form form_khong_ton_tai is not in forms/ or in the deployment",
                        "bpmn/x.bpmn#Task_Lost: department phong-khong-ton-tai does not exist",
                        "bpmn/x.bpmn#Task_Bean: bean runtimeService is not on the platform's allow-list "
                                + DeploymentChecks.DOCUMENTED_BEANS,
                        "bpmn/x.bpmn#Task_Class: Java class java.lang.Runtime is not allowed; use a documented bean",
                        "bpmn/x.bpmn#Task_Script: scripts are not allowed in deployed models",
                        "bpmn/x.bpmn#Flow_Escape: expression ${execution.processEngineServices.runtimeService != null}"
                                + " calls into execution; only the documented beans "
                                + DeploymentChecks.DOCUMENTED_BEANS + " may be called");
    }

    @Test
    void aUserTaskWithoutRoleOrDepartmentIsRefusedAndABlankValueIsNoValue() {
        // value="" is what an element template writes for a field the designer did not fill
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <userTask id="Task_NoRole" />
                    <userTask id="Task_BlankRole">
                      <extensionElements><camunda:properties>
                        <camunda:property name="role" value="" />
                        <camunda:property name="department" value=" " />
                      </camunda:properties></extensionElements>
                    </userTask>
                    <userTask id="Task_Head">
                      <extensionElements><camunda:properties>
                        <camunda:property name="role" value="head" />
                        <camunda:property name="dossierStatus" value="" />
                      </camunda:properties></extensionElements>
                    </userTask>
                  </process>
                </definitions>
                """;
        byte[] bytes = model.getBytes(StandardCharsets.UTF_8);
        assertThat(DeploymentChecks.problems("bpmn/x.bpmn", bytes, GROUPS::contains, Set.of(), BEANS::contains))
                .containsExactly(
                        "bpmn/x.bpmn#Task_NoRole: user task has neither role nor department (department-step)",
                        "bpmn/x.bpmn#Task_BlankRole: user task has neither role nor department (department-step)");
        var parsed = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
        org.camunda.bpm.model.bpmn.instance.BaseElement head = parsed.getModelElementById("Task_Head");
        assertThat(ExtensionProperties.of(head)).containsExactly(java.util.Map.entry("role", "head"));
        assertThat(StepBudgets.property(parsed.getModelElementById("Task_BlankRole"), "role"))
                .isNull();
    }

    static Set<String> formIds() throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                ids.add(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(form.toFile())
                        .path("id")
                        .asText());
            }
        }
        return ids;
    }
}
