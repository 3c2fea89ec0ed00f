package vn.motcua.workflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The step budgets of a procedure's ordinary way through its model: the user tasks reached from the start event by
 * sequence flows (into sub-processes too), not those reached only through a boundary event such as a withdrawal.
 * Each task counts once, so a step that may be repeated (returned for rework) counts at its budget, not per pass.
 */
final class StepBudgets {

    private StepBudgets() {}

    /** Budget in working minutes per user task id, in the order the way meets them. */
    static Map<String, Long> ofOrdinaryWay(BpmnModelInstance model, Function<String, Optional<String>> override) {
        Map<String, Long> budgets = new LinkedHashMap<>();
        Deque<FlowNode> next = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            startsWithin(process, next);
        }
        while (!next.isEmpty()) {
            FlowNode node = next.pop();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                String budget = override.apply(task.getId()).orElseGet(() -> budgetProperty(task));
                budgets.put(task.getId(), ModelProperties.budgetMinutes(budget));
            }
            if (node instanceof SubProcess subProcess) {
                startsWithin(subProcess, next);
            }
            for (SequenceFlow flow : node.getOutgoing()) {
                next.add(flow.getTarget());
            }
        }
        return budgets;
    }

    private static void startsWithin(ModelElementInstance scope, Deque<FlowNode> next) {
        for (StartEvent start : scope.getChildElementsByType(StartEvent.class)) {
            next.add(start);
        }
    }

    private static String budgetProperty(UserTask task) {
        return property(task, ModelProperties.BUDGET);
    }

    /** A camunda:property of the element, null when it has none or it is blank. */
    static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                .list()
                .stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse(null);
    }
}
