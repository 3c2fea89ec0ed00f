package vn.motcua.sla;

import java.time.LocalDateTime;

/**
 * A step or a dossier is near its due time ({@code motcua.sla.warn-before}); the hook for notifications. For a step,
 * {@code taskId}, {@code stepKey} and {@code department} name it; for a whole dossier they are null.
 */
public record DeadlineApproaching(
        String dossierCode, String taskId, String stepKey, String department, LocalDateTime dueAt) {

    public boolean isStep() {
        return taskId != null;
    }
}
