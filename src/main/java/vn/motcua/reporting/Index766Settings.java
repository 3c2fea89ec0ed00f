package vn.motcua.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Points and targets of the 766 components that our data computes (domain.md §11.2). The decision's per-component
 * weights inside a group are not confirmed, so each is configuration; the rule is the one DVCQG shows: full points at
 * the target or above, else proportional ({@link Component#points}).
 *
 * @param synced 1.4 dossiers whose record is on the national portal, received in the period ÷ the larger of the
 *     dossiers received here and those on the portal (18 points of "Công khai, minh bạch" shared by 1.1–1.4)
 * @param onTime 2.1 resolved on time and in progress within time ÷ received
 * @param onlineProcedures 3.1 procedures offering an online service ÷ procedures of the agency
 * @param onlineUsed 3.2 online procedures that received an online dossier in the period ÷ online procedures
 * @param onlineShare 3.3 dossiers received online ÷ dossiers received in the period (× the sync coefficient)
 * @param electronicResults 4.1 dossiers resolved in the period whose result is a sealed electronic document ÷ dossiers
 *     resolved in the period
 * @param satisfaction 5.4 100% − (overdue dossiers + dissatisfied ratings) ÷ received
 */
@ConfigurationProperties("motcua.reporting.index766")
record Index766Settings(
        Component synced,
        Component onTime,
        Component onlineProcedures,
        Component onlineUsed,
        Component onlineShare,
        Component electronicResults,
        Component satisfaction) {

    /** A component's maximum points and its target in percent (100: proportional all the way). */
    record Component(BigDecimal points, BigDecimal target) {

        /** Full points at or above the target, else {@code percent × points ÷ target}; two decimals. */
        BigDecimal points(BigDecimal percent) {
            if (percent.compareTo(target) >= 0) {
                return points.setScale(2, RoundingMode.HALF_UP);
            }
            return percent.multiply(points).divide(target, 2, RoundingMode.HALF_UP);
        }
    }

    @ConstructorBinding
    Index766Settings {
        synced = orDefault(synced, new BigDecimal("4.5"), 100);
        onTime = orDefault(onTime, 20, 100);
        onlineProcedures = orDefault(onlineProcedures, 4, 80);
        onlineUsed = orDefault(onlineUsed, 4, 100);
        onlineShare = orDefault(onlineShare, 4, 50);
        // the 22 points of "Số hóa hồ sơ" shared by its five components 4.1–4.5; no target is known for 4.1
        electronicResults = orDefault(electronicResults, new BigDecimal("4.4"), 100);
        satisfaction = orDefault(satisfaction, 6, 90);
    }

    private static Component orDefault(Component given, int points, int target) {
        return orDefault(given, BigDecimal.valueOf(points), target);
    }

    private static Component orDefault(Component given, BigDecimal points, int target) {
        if (given != null
                && given.points() != null
                && given.target() != null
                && given.target().signum() > 0) {
            return given;
        }
        return new Component(points, BigDecimal.valueOf(target));
    }
}
