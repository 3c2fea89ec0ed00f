package vn.motcua.workflow;

import java.time.LocalDateTime;

/**
 * A handling step of a dossier began (durable event, in the engine step's transaction): a user task for a department,
 * or a wait for another agency ({@code department} is then that agency's code). {@code stepId} is the task id or the
 * wait's activity instance id; {@code dueAt} comes from the step budget in working time.
 */
public record StepStarted(
        String dossierCode,
        String stepId,
        String stepKey,
        String stepName,
        String department,
        LocalDateTime startedAt,
        LocalDateTime dueAt) {}
