package vn.motcua.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;

/** Serves the start forms of {@code forms/} by their form id, as the catalogue names them, for form-js to render. */
@RestController
class FormController {

    private final Map<String, JsonNode> formsById = new HashMap<>();

    FormController(ObjectMapper json) throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = file.getInputStream()) {
                JsonNode form = json.readTree(in);
                formsById.put(form.path("id").asText(), form);
            }
        }
    }

    @GetMapping("/api/forms/{id}")
    @Operation(summary = "A Camunda Form (form-js schema) by its id, e.g. the start form a procedure names")
    JsonNode form(@PathVariable String id) {
        JsonNode form = formsById.get(id);
        if (form == null) {
            throw UserError.notFound("Không có biểu mẫu " + id + ".", "There is no form " + id + ".");
        }
        return form;
    }
}
