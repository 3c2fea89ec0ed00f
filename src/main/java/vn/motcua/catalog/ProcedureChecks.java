package vn.motcua.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue cannot check itself about the procedures of an import, asked of the modules that run them: that
 * the model is deployed, its departments exist and the step budgets on its longest way fit the legal time (workflow),
 * that the start form exists (reception). A module implements it as a bean; the import asks every one.
 */
public interface ProcedureChecks {

    /**
     * One procedure of the import, as it would be stored, with the step budgets it sets over its model's and the
     * department routes it gives for its own roles ({role: group}, over the agency's defaults).
     */
    record Candidate(int row, Procedure procedure, Map<String, String> stepBudgets, Map<String, String> routes) {}

    /** A problem with a field of a candidate ({@code processKey}, {@code startForm}, {@code routes.<role>} …). */
    record Problem(int row, String field, String message, String messageEn) {}

    /** The problems of all candidates at once, so that an implementation reads each model and group only once. */
    List<Problem> problems(List<Candidate> candidates);
}
