package vn.motcua.procedures;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The {@code handoffs} bean of the engine-only tests: records what a model sends, as the outbox row would hold it, and
 * delivers it when the test says so, as the inbox does (a request starts the receiving process by its message start
 * event; a reply is correlated by business key = dossier code and message name).
 */
final class RecordedHandoffs implements JavaDelegate {

    /** One message a model sent: its name, receiver, procedure (requests only), payload and sender. */
    record Sent(
            String messageName,
            String dossierCode,
            String from,
            String to,
            String procedure,
            Map<String, Object> payload) {}

    /** Demo catalogue: the agency that runs each procedure, i.e. the sender when a process of it sends. */
    private static final Map<String, String> AGENCY_OF_PROCEDURE = Map.of(
            "1.001193.H43", "000.20.43.H43",
            "1.004194.H43", "000.61.43.H43",
            "1.001001.H43", "000.62.00.H43",
            "1.009994", "000.20.43.H43");

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        Map<String, String> properties = properties(element);
        Map<String, Object> payload = new LinkedHashMap<>();
        String names = properties.get("payload");
        if (names != null) {
            Arrays.stream(names.split(","))
                    .map(String::trim)
                    .forEach(name -> payload.put(name, execution.getVariable(name)));
        }
        sent.add(new Sent(
                messageName(element),
                execution.getProcessBusinessKey(),
                AGENCY_OF_PROCEDURE.get((String) execution.getVariable("procedureCode")),
                resolve(properties.get("to"), execution),
                resolve(properties.get("procedure"), execution),
                payload));
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The only message of that name sent so far. */
    Sent the(String messageName) {
        List<Sent> named =
                sent.stream().filter(s -> s.messageName().equals(messageName)).toList();
        Assertions.assertThat(named).as("sent " + messageName).hasSize(1);
        return named.get(0);
    }

    /** Delivers the message of that name with the payload as sent, changed by the given values. */
    void deliver(String messageName, Object... keysAndValues) {
        Sent message = the(messageName);
        Map<String, Object> variables = new HashMap<>(message.payload());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        variables.put("handoffFrom", message.from());
        var correlation = runtimeService()
                .createMessageCorrelation(messageName)
                .processInstanceBusinessKey(message.dossierCode());
        if (message.procedure() != null) {
            variables.put("procedureCode", message.procedure());
            correlation.setVariables(variables).correlateStartMessage();
        } else {
            correlation.setVariables(variables).correlate();
        }
    }

    private static String messageName(FlowElement element) {
        if (element instanceof SendTask task) {
            return task.getMessage().getName();
        }
        return ((ThrowEvent) element)
                .getEventDefinitions().stream()
                        .filter(MessageEventDefinition.class::isInstance)
                        .map(definition -> ((MessageEventDefinition) definition)
                                .getMessage()
                                .getName())
                        .findFirst()
                        .orElseThrow();
    }

    private static String resolve(String value, DelegateExecution execution) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            return (String)
                    execution.getVariable(value.substring(2, value.length() - 1).trim());
        }
        return value;
    }

    private static Map<String, String> properties(FlowElement element) {
        if (element.getExtensionElements() == null) {
            return Map.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
    }
}
