package vn.motcua.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The camunda:properties a procedure model uses to tell the platform how to treat an element. */
record ModelProperties(Map<String, String> values) {

    /** User task: the functional role that does the step (reception, head, specialist, leader, clerk). */
    static final String ROLE = "role";
    /** User task: a department group instead of the procedure's unit + role, literal or {@code ${variable}}. */
    static final String DEPARTMENT = "department";
    /** Receive task: the other agency (unit or group, literal or {@code ${variable}}) whose answer is awaited. */
    static final String AGENCY = "agency";
    /** Any element: the procedure's legal time becomes this many of its units, counted from acceptance. */
    static final String LEGAL_TIME = "legalTime";
    /** User task or receive task: the step's working-time budget, {@code 4h} or {@code 2d}; the catalogue may override it. */
    static final String BUDGET = "budget";
    /** Any element: the citizen-facing text shown on the tracking page while the dossier is there. */
    static final String PUBLIC_STATUS = "publicStatus";
    /** Any element: the national status (1–10) the dossier takes when it gets there. */
    static final String DOSSIER_STATUS = "dossierStatus";
    /** User task: the variable holding the step's decision; any element: the variable holding the reason. */
    static final String OUTCOME = "outcome";

    static final String NOTE = "note";
    /** User task: its {@code outcome} variable is a member, chosen from a list, of the procedure's department of this role. */
    static final String ASSIGN_FROM = "assignFrom";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern BUDGET_FORMAT = Pattern.compile("(\\d+)([hd])");
    static final int MINUTES_PER_WORKING_DAY = 8 * 60;

    static ModelProperties of(Element element) {
        Map<String, String> values = new HashMap<>();
        Element extensions = element.element("extensionElements");
        Element properties =
                extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties != null) {
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                String value = property.attribute("value");
                // a template field the designer left empty writes value="": the property is not set
                if (value != null && !value.isBlank()) {
                    values.put(property.attribute("name"), value);
                }
            }
        }
        return new ModelProperties(values);
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The property's value, or the variable it names as {@code ${variable}}, looked up on the execution. */
    String resolve(String name, VariableScope scope) {
        String value = values.get(name);
        Matcher variable = VARIABLE.matcher(value == null ? "" : value.trim());
        if (!variable.matches()) {
            return value;
        }
        Object resolved = scope.getVariable(variable.group(1));
        if (resolved == null) {
            throw new IllegalStateException("Property " + name + " names the variable " + variable.group(1)
                    + ", which the process does not have");
        }
        return resolved.toString();
    }

    static long budgetMinutes(String budget) {
        Matcher matcher = BUDGET_FORMAT.matcher(budget == null ? "" : budget.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A step budget looks like 4h or 2d, not '" + budget + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return "h".equals(matcher.group(2)) ? amount * 60 : amount * MINUTES_PER_WORKING_DAY;
    }
}
