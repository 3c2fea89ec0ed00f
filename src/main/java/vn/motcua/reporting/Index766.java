package vn.motcua.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The Decision 766 index for a period (domain.md §11.2), for the province and each agency: every indicator we can
 * compute with its numerator, denominator, percent, target and points; the ones that need data we do not have yet
 * are listed with a note and no points, and are left out of {@code maxPoints}.
 */
public record Index766(LocalDate from, LocalDate to, List<Scope> scopes) {

    /** The province (agency null) or one agency. */
    public record Scope(
            String agency, String name, List<Indicator> indicators, BigDecimal points, BigDecimal maxPoints) {}

    public record Indicator(
            String code,
            String group,
            String name,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal value,
            String unit,
            BigDecimal target,
            BigDecimal maxPoints,
            BigDecimal points,
            String note) {}
}
