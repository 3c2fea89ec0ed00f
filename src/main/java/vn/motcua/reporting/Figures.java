package vn.motcua.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one scope and period shown to people (results page, dashboard): counts from report II.06a, and the
 * shares of the resolved ones in percent (two decimals; none when nothing was resolved).
 */
public record Figures(
        int received,
        int receivedOnline,
        int resolved,
        int resolvedEarly,
        int resolvedOnTime,
        int resolvedLate,
        int inProgress,
        BigDecimal earlyPercent,
        BigDecimal onTimePercent,
        BigDecimal latePercent,
        BigDecimal onlinePercent) {

    /** One month's figures ("2019-03"). */
    public record Month(String month, Figures figures) {}

    /** One agency's figures. */
    public record OfAgency(String code, String name, Figures figures) {}

    static Figures of(Ii06a.Cells c) {
        int fresh = c.receivedOnline() + c.receivedDirectOrPostal();
        return new Figures(
                c.received(),
                c.receivedOnline(),
                c.resolved(),
                c.resolvedEarly(),
                c.resolvedOnTime(),
                c.resolvedLate(),
                c.inProgress(),
                percent(c.resolvedEarly(), c.resolved()),
                percent(c.resolvedOnTime(), c.resolved()),
                percent(c.resolvedLate(), c.resolved()),
                percent(c.receivedOnline(), fresh));
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
