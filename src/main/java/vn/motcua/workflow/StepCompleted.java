package vn.motcua.workflow;

import java.time.LocalDateTime;
import vn.motcua.sla.Timeliness;

/**
 * A handling step of a dossier ended (durable event, in the engine step's transaction), with its timeliness against
 * the step's due time (EARLY, ON_TIME or LATE; see {@code motcua.sla.timeliness}). {@code outcome} is the decision
 * the model records for the step (e.g. {@code accept}, {@code approve}; {@code no-answer} when a wait timed out),
 * null when the step has none.
 */
public record StepCompleted(
        String dossierCode,
        String stepId,
        String stepKey,
        String stepName,
        String department,
        LocalDateTime dueAt,
        LocalDateTime completedAt,
        Timeliness timeliness,
        String outcome) {}
