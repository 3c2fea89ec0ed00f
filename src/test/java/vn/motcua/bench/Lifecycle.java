package vn.motcua.bench;

import java.util.List;
import java.util.Map;

/** The happy path of procedure 1.009994.H43 on the shared template, step by step: who acts and with what decision. */
final class Lifecycle {

    static final String PROCESS_KEY = "standard_procedure";
    static final String PROCEDURE_CODE = "1.009994.H43";
    static final String PROCEDURE_NAME = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ";
    static final String FILE = "file";
    static final String TRACK = "tracking read";

    record Step(String taskKey, String official, Map<String, Object> variables) {}

    static final List<Step> STEPS = List.of(
            new Step("Task_CheckDossier", "pr.tiepnhan", Map.of("receptionDecision", "accept")),
            new Step("Task_AssignDossier", "pr.truongphong", Map.of("specialist", "pr.chuyenvien")),
            new Step("Task_AppraiseDossier", "pr.chuyenvien", Map.of("appraisalOutcome", "approve")),
            new Step("Task_ReviewDossier", "pr.truongphong", Map.of("reviewDecision", "agree")),
            new Step("Task_SignResult", "pr.chutich", Map.of("reviewDecision", "agree")),
            new Step("Task_IssueResult", "pr.vanthu", Map.of("resultNumber", "15/GPXD")),
            new Step("Task_ReturnResult", "pr.tiepnhan", Map.of("returnChannel", "counter")));

    /** Step names in report order. */
    static List<String> stepNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add(FILE);
        STEPS.forEach(step -> names.add(step.taskKey()));
        return names;
    }

    /** One side of the comparison: files one dossier and walks it to the end, timing every step into the recorder. */
    interface Driver {
        String file(Latencies latencies);

        void complete(String code, Step step, Latencies latencies);
    }

    private Lifecycle() {}
}
