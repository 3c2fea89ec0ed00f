package vn.motcua.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's model checks, for a model deployed at run time (profile {@code staging}): departments that exist, forms
 * that exist, a role or department on every user task, and expressions that reach only the platform's documented beans. Scripts and Java classes are refused
 * outright: either runs any code. Each problem names the file and the element.
 */
final class DeploymentChecks {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /** The beans a model may name (README, "Adding a procedure"): the handoff step and the step-due helper. */
    static final Set<String> DOCUMENTED_BEANS = Set.of("handoffs", "stepDue", "resultSignature");

    /** Camunda's own expression functions. */
    private static final Set<String> ENGINE_FUNCTIONS = Set.of(
            "currentUser",
            "currentUserGroups",
            "now",
            "dateTime",
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "instanceof");

    private static final Set<String> ROLES = Set.of("reception", "head", "specialist", "leader", "clerk");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)\\s*([.(\\[])?");

    private DeploymentChecks() {}

    static List<String> problems(
            String file, byte[] bpmn, Predicate<String> groupExists, Set<String> forms, Predicate<String> isBean) {
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bpmn))
                    .getDocumentElement();
        } catch (Exception notXml) {
            return List.of(file + ": not a readable BPMN file (" + notXml.getMessage() + ")");
        }
        check(file, root, null, groupExists, forms, isBean, problems);
        return problems;
    }

    private static void check(
            String file,
            Element element,
            String owner,
            Predicate<String> groupExists,
            Set<String> forms,
            Predicate<String> isBean,
            List<String> problems) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
        String where = file + "#" + (id == null ? element.getLocalName() : id);
        String ns = element.getNamespaceURI();
        if (BPMN_NS.equals(ns) && "scriptTask".equals(element.getLocalName())
                || CAMUNDA_NS.equals(ns) && "script".equals(element.getLocalName())) {
            problems.add(where + ": scripts are not allowed in deployed models");
        }
        if (BPMN_NS.equals(ns) && "userTask".equals(element.getLocalName())) {
            String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
            if (!formRef.isEmpty() && !formRef.contains("${") && !forms.contains(formRef)) {
                problems.add(where + ": form " + formRef + " is not in forms/ or in the deployment");
            }
            Set<String> named = propertiesSet(element);
            if (!named.contains(ModelProperties.ROLE) && !named.contains(ModelProperties.DEPARTMENT)) {
                problems.add(where + ": user task has neither role nor department (department-step)");
            }
        }
        // a property left blank (a template field nobody filled) is not set, as ModelProperties reads it
        if (CAMUNDA_NS.equals(ns)
                && "property".equals(element.getLocalName())
                && !element.getAttribute("value").isBlank()) {
            String name = element.getAttribute("name");
            String value = element.getAttribute("value");
            if ("department".equals(name) && !value.contains("${") && !groupExists.test(value)) {
                problems.add(where + ": department " + value + " does not exist");
            }
            if ("role".equals(name) && !ROLES.contains(value)) {
                problems.add(where + ": role " + value + " is not one of " + ROLES);
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && "class".equals(attribute.getLocalName())) {
                problems.add(where + ": Java class " + attribute.getValue() + " is not allowed; use a documented bean");
            }
            expressions(where, attribute.getValue(), isBean, problems);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                check(file, nested, id, groupExists, forms, isBean, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(where, child.getNodeValue(), isBean, problems);
            }
        }
    }

    /** The names of the element's camunda:properties that have a value. */
    private static Set<String> propertiesSet(Element element) {
        Set<String> names = new java.util.HashSet<>();
        NodeList properties = element.getElementsByTagNameNS(CAMUNDA_NS, "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (!property.getAttribute("value").isBlank()) {
                names.add(property.getAttribute("name"));
            }
        }
        return names;
    }

    /** Every identifier an expression starts from: a documented bean, a process variable, or an engine function. */
    private static void expressions(String where, String text, Predicate<String> isBean, List<String> problems) {
        Matcher expression = EXPRESSION.matcher(text == null ? "" : text);
        while (expression.find()) {
            Matcher identifier =
                    IDENTIFIER.matcher(STRING.matcher(expression.group(1)).replaceAll("''"));
            while (identifier.find()) {
                String name = identifier.group(1);
                boolean reaches = identifier.group(2) != null;
                if (DOCUMENTED_BEANS.contains(name) || ENGINE_FUNCTIONS.contains(name)) {
                    continue;
                }
                if (isBean.test(name)) {
                    problems.add(where + ": bean " + name + " is not on the platform's allow-list " + DOCUMENTED_BEANS);
                } else if (reaches) {
                    problems.add(where + ": expression ${" + expression.group(1).trim() + "} calls into " + name
                            + "; only the documented beans " + DOCUMENTED_BEANS + " may be called");
                }
            }
        }
    }
}
