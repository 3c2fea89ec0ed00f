package vn.motcua.reception;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.ProcedureChecks;

/** The import's check that each procedure's start form is one of {@code forms/}, the ones filing checks against. */
@Component
class StartFormCheck implements ProcedureChecks {

    private final StartForms forms;

    StartFormCheck(StartForms forms) {
        this.forms = forms;
    }

    @Override
    public List<Problem> problems(List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> forms.fields(c.procedure().startForm()).isEmpty())
                .map(c -> new Problem(
                        c.row(),
                        "startForm",
                        "không có biểu mẫu \"" + c.procedure().startForm() + "\" trong forms/",
                        "there is no start form \"" + c.procedure().startForm() + "\" in forms/"))
                .toList();
    }
}
