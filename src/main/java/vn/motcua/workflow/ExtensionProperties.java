package vn.motcua.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/** The {@code camunda:properties} a designer put on a model element, by name (the platform beans read their settings so). */
public final class ExtensionProperties {

    private ExtensionProperties() {}

    public static Map<String, String> of(BaseElement element) {
        Map<String, String> values = new LinkedHashMap<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(properties -> properties.getCamundaProperties().stream())
                    // a template field the designer left empty writes value="": the property is not set
                    .filter(property -> property.getCamundaValue() != null
                            && !property.getCamundaValue().isBlank())
                    .forEach(property -> values.put(property.getCamundaName(), property.getCamundaValue()));
        }
        return values;
    }
}
