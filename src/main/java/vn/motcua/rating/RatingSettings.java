package vn.motcua.rating;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ratings are kept and read; the thresholds are local rules (domain.md §12 calls the bands locally defined).
 *
 * @param editableFor how long after the first rating the applicant may still change it
 * @param satisfiedFrom the total (of 18) from which a rating counts as "Hài lòng"
 * @param verySatisfiedFrom the total from which it counts as "Rất hài lòng"
 * @param grades the grading bands, each from its lower total (included) up to the next one's
 */
@ConfigurationProperties("motcua.rating")
public record RatingSettings(Duration editableFor, int satisfiedFrom, int verySatisfiedFrom, List<Grade> grades) {

    public record Grade(int from, String name) {}

    public RatingSettings {
        editableFor = editableFor == null ? Duration.ofDays(7) : editableFor;
        satisfiedFrom = satisfiedFrom <= 0 ? 9 : satisfiedFrom;
        verySatisfiedFrom = verySatisfiedFrom <= 0 ? 15 : verySatisfiedFrom;
        grades = grades == null || grades.isEmpty()
                ? List.of(
                        new Grade(16, "Xuất sắc"),
                        new Grade(12, "Tốt"),
                        new Grade(9, "Khá"),
                        new Grade(6, "Trung bình"),
                        new Grade(0, "Yếu"))
                : grades.stream()
                        .sorted(Comparator.comparingInt(Grade::from).reversed())
                        .toList();
    }

    public Satisfaction satisfaction(int total) {
        return total >= verySatisfiedFrom
                ? Satisfaction.RAT_HAI_LONG
                : total >= satisfiedFrom ? Satisfaction.HAI_LONG : Satisfaction.KHONG_HAI_LONG;
    }

    public String grade(int total) {
        return grades.stream()
                .filter(g -> total >= g.from())
                .findFirst()
                .map(Grade::name)
                .orElse(grades.get(grades.size() - 1).name());
    }

    /** The three levels of satisfaction that the reports count. */
    public enum Satisfaction {
        KHONG_HAI_LONG("Không hài lòng", "Dissatisfied"),
        HAI_LONG("Hài lòng", "Satisfied"),
        RAT_HAI_LONG("Rất hài lòng", "Very satisfied");

        public final String text;
        public final String textEn;

        Satisfaction(String text, String textEn) {
            this.text = text;
            this.textEn = textEn;
        }
    }
}
