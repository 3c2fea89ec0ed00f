package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The catalogue as the other modules see it. */
@Service
public class Procedures {

    private final CatalogMapper catalog;

    Procedures(CatalogMapper catalog) {
        this.catalog = catalog;
    }

    public Optional<Procedure> find(String code) {
        return catalog.findByCode(code).map(p -> p.with(catalog.components(code)));
    }

    /** The procedure's code, name and agency, without reading its components. */
    public Optional<Procedure.Heading> heading(String code) {
        return catalog.findHeading(code);
    }

    public List<Procedure> search(String text, String agencyCode) {
        return catalog.search(blankToNull(text), blankToNull(agencyCode)).stream()
                .map(p -> p.with(catalog.components(p.code())))
                .toList();
    }

    /** The procedure's own budget for a step of its model, when it overrides the model's default. */
    public Optional<String> stepBudget(String procedureCode, String taskKey) {
        return catalog.stepBudget(procedureCode, taskKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
