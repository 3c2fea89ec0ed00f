package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16: the element templates of bpmn/.camunda/element-templates load in the bpmn-js Modeler with the packages
 * Camunda Modeler 5 uses for Camunda 7 (properties panel, Camunda behaviours, element templates and their chooser),
 * in headless Chromium. Each template is chosen for an element drawn on a new diagram, its Vietnamese fields are
 * filled as a designer fills them, and the exported model passes the build's checks: the deployment checks, the
 * engine's parser, the step budgets, and bpmnlint with the house rules as the build runs it. Exported models and
 * screenshots in target/modeler/exported and target/screenshots/modeler.
 */
class ElementTemplatesBrowserTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates/motcua.json");
    static final Path EXPORTED = Path.of("target/modeler/exported");
    static final String PUBLIC_STATUS = "Trạng thái hiển thị cho công dân (publicStatus)";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static ModelerPage page;

    @BeforeAll
    static void open() throws Exception {
        page = new ModelerPage();
    }

    @AfterAll
    static void close() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @BeforeEach
    void newDiagram() {
        page.newDiagram();
    }

    @Test
    void theModelerHasEveryTemplateOfTheFile() throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper()
                .readTree(TEMPLATES.toFile())
                .forEach(template -> ids.add(template.path("id").asText()));
        assertThat(page.templates()).containsExactlyInAnyOrderElementsOf(ids).hasSize(6);
    }

    @Test
    void aDepartmentStepGetsItsRoleBudgetStatusAndFormAndPasses() throws Exception {
        page.append("Event_Received", "bpmn:UserTask", "Task_Appraise", "Thẩm định hồ sơ");
        page.append("Task_Appraise", "bpmn:EndEvent", "Event_Appraised", "Đã thẩm định");
        departmentStep("Task_Appraise", "Lãnh đạo phòng (head)", "head", "2d", "form_appraise_dossier");

        String xml = page.saveXml();
        // the fields left empty are written as value="": the checks read them as unset
        assertThat(xml).contains("<camunda:property name=\"dossierStatus\" value=\"\" />");
        BpmnModelInstance model = passesTheBuildsChecks("department-step", xml);
        BaseElement task = model.getModelElementById("Task_Appraise");
        assertThat(ExtensionProperties.of(task))
                .containsOnly(entry("role", "head"), entry("budget", "2d"), entry("publicStatus", "Đang thẩm định"));
        assertThat(camunda(task, "formRef")).isEqualTo("form_appraise_dossier");
        assertThat(camunda(task, "formRefBinding")).isEqualTo("deployment");
        assertThat(camunda(task, "candidateGroups")).isNull();
        assertThat(camunda(task, "modelerTemplate")).isEqualTo("vn.motcua.DepartmentStep");
    }

    @Test
    void aHandoffSendGoesThroughHandoffsToTheAgencyTheDesignerTyped() throws Exception {
        page.append("Event_Received", "bpmn:SendTask", "Task_AskPolice", "Gửi công an xác minh cư trú");
        page.append("Task_AskPolice", "bpmn:EndEvent", "Event_Asked", "Đã gửi công an");
        choose("Task_AskPolice", "vn.motcua.HandoffSend");
        page.type("Cơ quan nhận (to)", "congan-phuong", "Task_AskPolice", "to");
        page.type("Thủ tục bên nhận (procedure)", "1.004222", "Task_AskPolice", "procedure");
        page.type("Biến gửi đi (payload)", "childName,birthDate", "Task_AskPolice", "payload");
        page.message("Task_AskPolice", "Message_ResidenceRequest", "Msg_ResidenceRequest");

        BaseElement task = passesTheBuildsChecks("handoff-send", page.saveXml()).getModelElementById("Task_AskPolice");
        assertThat(ExtensionProperties.of(task))
                .containsOnly(
                        entry("to", "congan-phuong"),
                        entry("procedure", "1.004222"),
                        entry("payload", "childName,birthDate"));
        assertThat(camunda(task, "delegateExpression")).isEqualTo("${handoffs}");
        assertThat(camunda(task, "modelerTemplate")).isEqualTo("vn.motcua.HandoffSend");
    }

    @Test
    void anAgencyWaitGetsItsAgencyAndBudgetAndTheTimerDrawnBesideIt() throws Exception {
        page.append("Event_Received", "bpmn:ReceiveTask", "Task_AwaitPolice", "Chờ công an xác minh");
        page.append("Task_AwaitPolice", "bpmn:EndEvent", "Event_Verified", "Đã xác minh");
        page.attachTimer(
                "Task_AwaitPolice", "Event_PoliceLate", "Quá hạn xác minh", "${stepDue.after(execution, '3d')}");
        page.appendEvent("Event_PoliceLate", "bpmn:EndEvent", null, "Event_NotVerified", "Không có kết quả", 80);
        page.message("Task_AwaitPolice", "Message_ResidenceReply", "Msg_ResidenceReply");
        choose("Task_AwaitPolice", "vn.motcua.AgencyWait");
        page.type("Cơ quan được chờ (agency)", "congan-phuong", "Task_AwaitPolice", "agency");
        page.type("Thời hạn chờ (budget)", "3d", "Task_AwaitPolice", "budget");
        page.type(PUBLIC_STATUS, "Đang chờ công an xác minh", "Task_AwaitPolice", "publicStatus");
        page.type("Cơ quan gửi trả lời (from)", "congan-phuong", "Task_AwaitPolice", "from");
        page.type("Biến nhận về (payload)", "residenceConfirmed", "Task_AwaitPolice", "payload");

        BaseElement task = passesTheBuildsChecks("agency-wait", page.saveXml()).getModelElementById("Task_AwaitPolice");
        assertThat(ExtensionProperties.of(task))
                .containsOnly(
                        entry("agency", "congan-phuong"),
                        entry("budget", "3d"),
                        entry("publicStatus", "Đang chờ công an xác minh"),
                        entry("from", "congan-phuong"),
                        entry("payload", "residenceConfirmed"));
        assertThat(camunda(task, "modelerTemplate")).isEqualTo("vn.motcua.AgencyWait");
    }

    @Test
    void aSupplementWaitGetsItsStatusesBesideTheDeadlineOnAnEventBasedGateway() throws Exception {
        page.append("Event_Received", "bpmn:EventBasedGateway", "Gateway_Supplement", "Chờ bổ sung");
        page.appendEvent(
                "Gateway_Supplement",
                "bpmn:IntermediateCatchEvent",
                "bpmn:MessageEventDefinition",
                "Event_SupplementReceived",
                "Công dân đã bổ sung",
                0);
        page.append("Event_SupplementReceived", "bpmn:EndEvent", "Event_Supplemented", "Đã bổ sung");
        page.appendEvent(
                "Gateway_Supplement",
                "bpmn:IntermediateCatchEvent",
                "bpmn:TimerEventDefinition",
                "Event_SupplementLate",
                "Hết hạn bổ sung",
                120);
        page.timeDate("Event_SupplementLate", "${supplementDeadline}");
        page.append("Event_SupplementLate", "bpmn:EndEvent", "Event_Expired", "Không bổ sung");
        page.message("Event_SupplementReceived", "Message_SupplementReceived", "Msg_SupplementReceived");
        choose("Event_SupplementReceived", "vn.motcua.SupplementWait");
        page.type("Trạng thái quốc gia (dossierStatus)", "4", "Event_SupplementReceived", "dossierStatus");
        page.type(PUBLIC_STATUS, "Đang thẩm định hồ sơ", "Event_SupplementReceived", "publicStatus");

        BaseElement event = passesTheBuildsChecks("supplement-wait", page.saveXml())
                .getModelElementById("Event_SupplementReceived");
        assertThat(ExtensionProperties.of(event))
                .containsOnly(entry("dossierStatus", "4"), entry("publicStatus", "Đang thẩm định hồ sơ"));
        assertThat(camunda(event, "modelerTemplate")).isEqualTo("vn.motcua.SupplementWait");
    }

    @Test
    void aSignedResultIsSignedByThePersonWhoApprovedIt() throws Exception {
        page.append("Event_Received", "bpmn:UserTask", "Task_Approve", "Duyệt kết quả");
        page.append("Task_Approve", "bpmn:ServiceTask", "Task_SignResult", "Ký số kết quả");
        page.append("Task_SignResult", "bpmn:EndEvent", "Event_Signed", "Đã ký");
        departmentStep("Task_Approve", "Lãnh đạo cơ quan (leader)", "leader", "4h", "form_review_dossier");
        choose("Task_SignResult", "vn.motcua.SignResult");
        page.type("Bước ký duyệt (signedAt)", "Task_Approve", "Task_SignResult", "signedAt");

        BaseElement task = passesTheBuildsChecks("sign-result", page.saveXml()).getModelElementById("Task_SignResult");
        assertThat(ExtensionProperties.of(task))
                .containsOnly(entry("signature", "person"), entry("signedAt", "Task_Approve"));
        assertThat(camunda(task, "delegateExpression")).isEqualTo("${resultSignature}");
    }

    @Test
    void aSealedResultCarriesTheNumberVariableTheDesignerTyped() throws Exception {
        page.append("Event_Received", "bpmn:ServiceTask", "Task_SealResult", "Đóng dấu số kết quả");
        page.append("Task_SealResult", "bpmn:EndEvent", "Event_Sealed", "Đã đóng dấu");
        choose("Task_SealResult", "vn.motcua.SealResult");
        page.type("Biến số văn bản (number)", "permitNumber", "Task_SealResult", "number");

        BaseElement task = passesTheBuildsChecks("seal-result", page.saveXml()).getModelElementById("Task_SealResult");
        assertThat(ExtensionProperties.of(task))
                .containsOnly(entry("signature", "seal"), entry("number", "permitNumber"));
        assertThat(camunda(task, "delegateExpression")).isEqualTo("${resultSignature}");
    }

    @Test
    void aStepDrawnWithoutTheTemplateHasNoRoleAndFailsTheChecksNamingTheRule() throws Exception {
        page.append("Event_Received", "bpmn:UserTask", "Task_Unassigned", "Kiểm tra hồ sơ");
        page.append("Task_Unassigned", "bpmn:EndEvent", "Event_Checked", "Đã kiểm tra");
        Path file = BuildChecks.save(EXPORTED.resolve("no-role.bpmn"), page.saveXml());

        assertThat(page.lint().get("motcua/department-step"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Task_Unassigned: Bước \"Kiểm tra hồ sơ\" chưa có vai trò");
        assertThat(BuildChecks.deploymentProblems(file))
                .containsExactly(
                        file + "#Task_Unassigned: user task has neither role nor department (department-step)");
        BuildChecks.Lint lint = BuildChecks.bpmnlint(file);
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.output()).containsPattern("Task_Unassigned +error +.*chưa có vai trò.* motcua/department-step");
    }

    /** The templates' fields as the panel labels them (hidden ones are not shown), checked once the template is chosen. */
    void choose(String element, String templateId) throws Exception {
        JsonNode template = template(templateId);
        page.choose(element, template.path("name").asText());
        assertThat(page.appliedTemplate(element)).isEqualTo(templateId);
        List<String> labels = new ArrayList<>();
        template.path("properties").forEach(property -> {
            if (!"Hidden".equals(property.path("type").asText())) {
                labels.add(property.path("label").asText());
            }
        });
        assertThat(page.labels()).containsAll(labels);
        page.openGroup("Custom properties");
    }

    void departmentStep(String task, String roleChoice, String role, String budget, String form) throws Exception {
        choose(task, "vn.motcua.DepartmentStep");
        page.pick("Vai trò (role)", roleChoice, task, "role", role);
        page.type("Thời hạn bước (budget)", budget, task, "budget");
        page.type(PUBLIC_STATUS, "Đang thẩm định", task, "publicStatus");
        page.type("Biểu mẫu (formRef)", form, task, "camunda:formRef");
        page.screenshot("vn.motcua.DepartmentStep-" + task);
    }

    static JsonNode template(String id) throws Exception {
        for (JsonNode template : new ObjectMapper().readTree(TEMPLATES.toFile())) {
            if (id.equals(template.path("id").asText())) {
                return template;
            }
        }
        throw new IllegalArgumentException("no template " + id + " in " + TEMPLATES);
    }

    static String camunda(BaseElement element, String attribute) {
        return element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
    }

    /** The exported model passes what the build and a deployment check; returns it parsed by Camunda's model API. */
    BpmnModelInstance passesTheBuildsChecks(String name, String xml) throws Exception {
        page.screenshot(name);
        Path file = BuildChecks.save(EXPORTED.resolve(name + ".bpmn"), xml);
        assertThat(BuildChecks.deploymentProblems(file))
                .as("deployment checks of " + file)
                .isEmpty();
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        StepBudgets.ofOrdinaryWay(model, task -> Optional.empty());
        Deployment deployment = engine.getRepositoryService()
                .createDeployment()
                .addString(name + ".bpmn", xml)
                .deploy();
        engine.manageDeployment(deployment);
        assertThat(page.lint()).as("the problems the Modeler would list").isEmpty();
        assertThat(BuildChecks.bpmnlint(file))
                .as("bpmnlint with .bpmnlintrc on " + file)
                .isEqualTo(new BuildChecks.Lint(0, ""));
        return model;
    }
}
