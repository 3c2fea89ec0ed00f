package vn.motcua.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.rating.Criterion;
import vn.motcua.rating.RatingSettings;
import vn.motcua.rating.Ratings;

/**
 * The satisfaction report of a period (domain.md §12): the number of ratings, each criterion's and the total's
 * average, how many ratings fall in each level of satisfaction and each grade (with their shares in percent, two
 * decimals), and the officials named by the ratings.
 */
public record Satisfaction(
        LocalDate from,
        LocalDate to,
        String agency,
        int ratings,
        BigDecimal averageTotal,
        List<CriterionAverage> criteria,
        Map<RatingSettings.Satisfaction, Level> levels,
        Map<String, Level> grades,
        List<Ratings.ByOfficial> officials) {

    public record CriterionAverage(int number, String text, BigDecimal average) {}

    public record Level(String text, int ratings, BigDecimal percent) {}

    static Satisfaction of(
            LocalDate from,
            LocalDate to,
            String agency,
            List<Ratings.Rating> given,
            List<Ratings.ByOfficial> officials,
            RatingSettings settings) {
        int n = given.size();
        List<CriterionAverage> criteria = Arrays.stream(Criterion.values())
                .map(c -> new CriterionAverage(
                        c.number(),
                        c.text,
                        average(
                                given.stream()
                                        .mapToInt(r -> r.scores().get(c.ordinal()))
                                        .sum(),
                                n)))
                .toList();
        Map<RatingSettings.Satisfaction, Level> levels = new LinkedHashMap<>();
        for (RatingSettings.Satisfaction level : RatingSettings.Satisfaction.values()) {
            int count =
                    (int) given.stream().filter(r -> r.satisfaction() == level).count();
            levels.put(level, new Level(level.text, count, percent(count, n)));
        }
        Map<String, Level> grades = new LinkedHashMap<>();
        for (RatingSettings.Grade grade : settings.grades()) {
            int count = (int)
                    given.stream().filter(r -> r.grade().equals(grade.name())).count();
            grades.put(grade.name(), new Level(grade.name(), count, percent(count, n)));
        }
        return new Satisfaction(
                from,
                to,
                agency,
                n,
                average(given.stream().mapToInt(Ratings.Rating::total).sum(), n),
                criteria,
                levels,
                grades,
                officials);
    }

    private static BigDecimal average(int sum, int n) {
        return n == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(int part, int n) {
        return n == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }
}
