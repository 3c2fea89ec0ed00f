package vn.motcua.reception;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;

/** The Camunda Forms in {@code forms/}, read once, so that filing checks the same fields the form shows. */
@Component
class StartForms {

    record Field(String key, String label, String type, boolean required) {}

    private final Map<String, List<Field>> fieldsByFormId = new HashMap<>();

    StartForms(ObjectMapper json) throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = file.getInputStream()) {
                JsonNode form = json.readTree(in);
                fieldsByFormId.put(form.path("id").asText(), fields(form));
            }
        }
    }

    Optional<List<Field>> fields(String formId) {
        return Optional.ofNullable(fieldsByFormId.get(formId));
    }

    /** Adds a problem for each field of the form the submitted data does not fit, and for text no store can hold. */
    void check(String formId, Map<String, Object> data, Problems problems) {
        List<Field> fields = fields(formId)
                .orElseThrow(() -> new UncheckedIOException(
                        new IOException("The catalogue names the start form " + formId + ", which is not in forms/")));
        for (Field field : fields) {
            Object value = data.get(field.key());
            boolean blank = value == null || value.toString().isBlank();
            if (field.required() && blank) {
                problems.add(
                        "thiếu trường bắt buộc \"" + field.label() + "\"",
                        "the required field \"" + field.label() + "\" is missing");
            } else if (!blank && "number".equals(field.type()) && !isNumber(value)) {
                problems.add(
                        "trường \"" + field.label() + "\" phải là số",
                        "the field \"" + field.label() + "\" must be a number");
            }
        }
        Map<String, String> labels = new HashMap<>();
        fields.forEach(field -> labels.put(field.key(), field.label()));
        data.forEach((key, value) -> checkText(labels.getOrDefault(key, key), value, problems));
    }

    /** Every text in the value, however deep: the plain fields become process variables (4,000 characters). */
    private static void checkText(String label, Object value, Problems problems) {
        if (value instanceof String text) {
            TextRules.text(new TextRules.Label(label, label), text, TextRules.FORM_VALUE_MAX, problems);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(inner -> checkText(label, inner, problems));
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> checkText(label, inner, problems));
        }
    }

    private static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        try {
            new BigDecimal(value.toString().trim());
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static List<Field> fields(JsonNode node) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                fields.add(new Field(
                        component.get("key").asText(),
                        component.path("label").asText(component.get("key").asText()),
                        component.path("type").asText(),
                        component.path("validate").path("required").asBoolean(false)));
            }
            fields.addAll(fields(component));
        }
        return fields;
    }
}
