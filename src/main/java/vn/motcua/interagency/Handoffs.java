package vn.motcua.interagency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.springframework.stereotype.Component;
import vn.motcua.workflow.ExtensionProperties;

/**
 * Sends the element's message to another agency: {@code camunda:delegateExpression="${handoffs}"} on a send task or a
 * message throw event, with properties {@code to} (agency code or {@code ${variable}}), optional {@code procedure} (the
 * receiver's procedure, on requests) and {@code payload} (variable names). Writes one outbox row in the engine's
 * transaction; the delivery worker sends it after the commit.
 */
@Component
class Handoffs implements JavaDelegate {

    static final String TO = "to";
    static final String PROCEDURE = "procedure";
    static final String PAYLOAD = "payload";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final Outbox outbox;

    Handoffs(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        Map<String, String> properties = ExtensionProperties.of(element);
        String to = resolve(execution, properties.get(TO));
        if (to == null || to.isBlank()) {
            throw new IllegalStateException(
                    "Handoff " + element.getId() + " has no receiving agency: set the property '" + TO
                            + "' (an agency code or ${variable}), and the variable if it names one");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        String names = properties.get(PAYLOAD);
        if (names != null) {
            for (String name : names.split(",")) {
                if (!name.isBlank()) {
                    payload.put(name.trim(), execution.getVariable(name.trim()));
                }
            }
        }
        outbox.send(new Outbox.Outgoing(
                execution.getProcessBusinessKey(),
                messageName(element),
                (String) execution.getVariable(Inbox.VAR_PROCEDURE_CODE),
                (String) execution.getVariable(Inbox.VAR_HANDOFF_AGENCY),
                to.trim(),
                blankToNull(resolve(execution, properties.get(PROCEDURE))),
                payload,
                execution.getProcessInstanceId(),
                element.getId()));
    }

    private static String messageName(FlowElement element) {
        Message message = null;
        if (element instanceof SendTask task) {
            message = task.getMessage();
        } else if (element instanceof ThrowEvent event) {
            message = event.getEventDefinitions().stream()
                    .filter(MessageEventDefinition.class::isInstance)
                    .map(definition -> ((MessageEventDefinition) definition).getMessage())
                    .findFirst()
                    .orElse(null);
        }
        if (message == null || message.getName() == null) {
            throw new IllegalStateException("Handoff " + element.getId()
                    + " names no message: ${handoffs} belongs on a send task or message throw event with a message");
        }
        return message.getName();
    }

    /** A literal, or the value of the variable that {@code ${name}} names. */
    private static String resolve(DelegateExecution execution, String value) {
        if (value == null) {
            return null;
        }
        Matcher variable = VARIABLE.matcher(value.trim());
        if (variable.matches()) {
            return Optional.ofNullable(execution.getVariable(variable.group(1)))
                    .map(Object::toString)
                    .orElse(null);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
