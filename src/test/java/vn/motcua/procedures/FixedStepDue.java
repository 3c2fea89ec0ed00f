package vn.motcua.procedures;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The {@code stepDue} bean of the engine-only tests. The platform counts a budget in the procedure's working calendar;
 * here a budget of n days or hours ends at a fixed time that names it, so a test can check which budget a timer uses.
 */
public final class FixedStepDue {

    static final LocalDateTime START = LocalDateTime.parse("2025-12-01T08:00");

    public Date after(DelegateExecution execution, String budget) {
        return dueFor(budget);
    }

    static Date dueFor(String budget) {
        long amount = Long.parseLong(budget.substring(0, budget.length() - 1));
        LocalDateTime due = budget.endsWith("d") ? START.plusDays(amount) : START.plusHours(amount);
        return Date.from(due.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
    }
}
