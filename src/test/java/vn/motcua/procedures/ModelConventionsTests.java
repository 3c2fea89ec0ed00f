package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** Checks what the parse listener and the task list read from the models, before anything runs. */
class ModelConventionsTests {

    private static final Set<String> ROLES = Set.of("reception", "head", "specialist", "leader", "clerk");
    private static final String BUDGET = "^\\d+(h|d)$";
    private static final String DEPARTMENT = "^([a-z0-9]+-[a-z]+|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})$";
    private static final String MESSAGE_NAME = "^Msg_[A-Z][A-Za-z]+$";
    private static final Set<String> DOSSIER_STATUSES = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    @Test
    void everyUserTaskDeclaresRoleBudgetAndStatus() throws Exception {
        for (Path file : resources("bpmn", ".bpmn")) {
            for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
                String where = file.getFileName() + " " + task.getId();
                Map<String, String> properties = properties(task);
                if (properties.containsKey("department")) {
                    assertThat(properties.get("department"))
                            .as(where + ": department (a group or ${variable})")
                            .matches(DEPARTMENT);
                } else {
                    assertThat(properties.get("role")).as(where + ": role").isIn(ROLES);
                }
                assertThat(properties.get("budget"))
                        .as(where + ": budget")
                        .isNotNull()
                        .matches(BUDGET);
                assertThat(properties.keySet())
                        .as(where + ": publicStatus or dossierStatus")
                        .containsAnyOf("publicStatus", "dossierStatus");
                assertThat(task.getCamundaCandidateGroups())
                        .as(where + ": candidateGroups")
                        .isNull();
            }
        }
    }

    /** Architecture rule: a wait for a message without a timeout path would hang the dossier; it fails the build. */
    @Test
    void everyMessageWaitHasATimeoutPath() throws Exception {
        for (Path file : resources("bpmn", ".bpmn")) {
            BpmnModelInstance model = read(file);
            for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
                boolean timed = model.getModelElementsByType(BoundaryEvent.class).stream()
                        .anyMatch(boundary -> boundary.getAttachedTo() == task && isTimer(boundary));
                assertThat(timed)
                        .as(file.getFileName() + " " + task.getId() + ": boundary timer")
                        .isTrue();
            }
            for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
                if (isMessage(event)) {
                    boolean timed = event.getPreviousNodes().list().stream()
                            .filter(EventBasedGateway.class::isInstance)
                            .flatMap(gateway -> gateway.getSucceedingNodes().list().stream())
                            .anyMatch(ModelConventionsTests::isTimer);
                    assertThat(timed)
                            .as(file.getFileName() + " " + event.getId()
                                    + ": a timer beside it on an event-based gateway")
                            .isTrue();
                }
            }
        }
    }

    /** What the platform reads from a handoff: the handoffs bean, a receiver, and waits timed per agency. */
    @Test
    void everyHandoffNamesItsReceiverAndEveryAgencyWaitItsBudget() throws Exception {
        for (Path file : resources("bpmn", ".bpmn")) {
            BpmnModelInstance model = read(file);
            for (Message message : model.getModelElementsByType(Message.class)) {
                assertThat(message.getName())
                        .as(file.getFileName() + " " + message.getId())
                        .matches(MESSAGE_NAME);
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String where = file.getFileName() + " " + node.getId();
                String delegate = node instanceof ThrowEvent event
                        ? event.getEventDefinitions().stream()
                                .filter(MessageEventDefinition.class::isInstance)
                                .map(d -> d.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression"))
                                .findFirst()
                                .orElse(null)
                        : node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                boolean sends = node instanceof SendTask || (node instanceof ThrowEvent && isMessage(node));
                if (sends) {
                    assertThat(delegate).as(where + ": delegateExpression").isEqualTo("${handoffs}");
                    assertThat(properties(node)).as(where + ": to").containsKey("to");
                }
                if (properties(node).containsKey("agency")) {
                    assertThat(node).as(where + ": agency on a receive task").isInstanceOf(ReceiveTask.class);
                    assertThat(properties(node).get("budget"))
                            .as(where + ": budget")
                            .isNotNull()
                            .matches(BUDGET);
                }
            }
        }
    }

    private static boolean isTimer(FlowNode node) {
        return node instanceof CatchEvent event
                && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
    }

    private static boolean isMessage(FlowNode node) {
        Collection<EventDefinition> definitions = List.of();
        if (node instanceof CatchEvent event) {
            definitions = event.getEventDefinitions();
        } else if (node instanceof ThrowEvent event) {
            definitions = event.getEventDefinitions();
        }
        return definitions.stream().anyMatch(MessageEventDefinition.class::isInstance);
    }

    @Test
    void everyDossierStatusIsANationalStatusCode() throws Exception {
        for (Path file : resources("bpmn", ".bpmn")) {
            for (FlowNode node : read(file).getModelElementsByType(FlowNode.class)) {
                String status = properties(node).get("dossierStatus");
                if (status != null) {
                    assertThat(status)
                            .as(file.getFileName() + " " + node.getId())
                            .isIn(DOSSIER_STATUSES);
                }
            }
        }
    }

    @Test
    void everyFormReferenceNamesADeployableForm() throws Exception {
        Set<String> formIds = formIds();
        for (Path file : resources("bpmn", ".bpmn")) {
            for (FlowNode node : read(file).getModelElementsByType(FlowNode.class)) {
                String formRef = node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
                if (formRef != null) {
                    assertThat(formIds)
                            .as(file.getFileName() + " " + node.getId() + ": formRef " + formRef)
                            .contains(formRef);
                }
            }
        }
    }

    @Test
    void everyFormFileIsNamedAfterItsId() throws Exception {
        for (Path file : resources("forms", ".form")) {
            String expected =
                    "form_" + file.getFileName().toString().replace(".form", "").replace('-', '_');
            assertThat(formId(file)).as(file.getFileName().toString()).isEqualTo(expected);
        }
    }

    private static Set<String> formIds() throws Exception {
        Set<String> ids = resources("forms", ".form").stream()
                .map(ModelConventionsTests::formId)
                .collect(Collectors.toSet());
        assertThat(ids).isNotEmpty();
        return ids;
    }

    private static String formId(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile()).path("id").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable form " + file.getFileName(), e);
        }
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static Map<String, String> properties(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return Map.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
    }

    private static List<Path> resources(String folder, String suffix) throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(
                        ModelConventionsTests.class.getClassLoader().getResource(folder))
                .toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(suffix))
                    .sorted()
                    .toList();
            assertThat(found).as(folder + "/*" + suffix).isNotEmpty();
            return found;
        }
    }
}
