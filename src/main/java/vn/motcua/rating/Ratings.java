package vn.motcua.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.api.UserError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Step;

/** One rating per returned dossier, by its applicant, editable for {@link RatingSettings#editableFor()}. */
@Service
public class Ratings {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** Where the rating was given. */
    public enum Channel {
        PORTAL,
        KIOSK
    }

    /** A rating as the applicant and the reports see it. */
    public record Rating(
            List<Integer> scores,
            int total,
            RatingSettings.Satisfaction satisfaction,
            String satisfactionText,
            String grade,
            String comment,
            Channel channel,
            LocalDateTime firstRatedAt,
            LocalDateTime ratedAt,
            int revision,
            LocalDateTime editableUntil,
            List<String> officials) {}

    /** What the rating page shows: the form, whether the applicant may rate now (or why not), the rating so far. */
    public record View(
            String code,
            boolean mayRate,
            String reason,
            String reasonEn,
            List<CriterionView> criteria,
            Rating rating) {}

    public record CriterionView(int number, String text, String textEn, int maxPoints) {}

    private final RatingMapper ratings;
    private final Dossiers dossiers;
    private final RatingSettings settings;
    private final Clock clock;

    Ratings(RatingMapper ratings, Dossiers dossiers, RatingSettings settings, Clock clock) {
        this.ratings = ratings;
        this.dossiers = dossiers;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View view(Dossier dossier) {
        Optional<RatingMapper.Row> row = ratings.find(dossier.code());
        LocalDateTime now = LocalDateTime.now(clock);
        String[] refusal = refusal(dossier, row, now);
        return new View(
                dossier.code(),
                refusal == null,
                refusal == null ? null : refusal[0],
                refusal == null ? null : refusal[1],
                Arrays.stream(Criterion.values())
                        .map(c -> new CriterionView(c.number(), c.text, c.textEn, Criterion.MAX_POINTS))
                        .toList(),
                row.map(this::rating).orElse(null));
    }

    /**
     * Rates the dossier, or changes its rating within the period; {@code by} is the account that rated (null when
     * the secret was given). Refused with a message when the dossier is not returned yet, the period is over, or a
     * score is not 0, 1 or 2.
     */
    @Transactional
    public Rating rate(Dossier dossier, List<Integer> scores, String comment, Channel channel, String by) {
        List<Integer> checked = RatingCheck.scores(scores);
        String text = RatingCheck.comment(comment);
        LocalDateTime now = LocalDateTime.now(clock);
        // ratings of one dossier one after the other: a second first rating waits here and becomes an edit
        dossiers.lock(dossier.code());
        Optional<RatingMapper.Row> existing = ratings.find(dossier.code());
        refuseIfNotNow(dossier, existing, now);
        int total = checked.stream().mapToInt(Integer::intValue).sum();
        existing.ifPresentOrElse(
                before -> ratings.update(row(
                        dossier, checked, total, text, channel, by, before.firstRatedAt(), now, before.revision() + 1)),
                () -> ratings.insert(row(dossier, checked, total, text, channel, by, now, now, 1)));
        ratings.forgetOfficials(dossier.code());
        dossiers.steps(dossier.code()).stream()
                .map(Step::completedBy)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(official -> ratings.linkOfficial(dossier.code(), official));
        return rating(ratings.find(dossier.code()).orElseThrow());
    }

    /** The ratings first given in the days from..to (both included), of one agency or all (null). */
    @Transactional(readOnly = true)
    public List<Rating> inPeriod(LocalDate from, LocalDate to, String agency) {
        return ratings.inPeriod(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), agency).stream()
                .map(r -> rating(r, List.of()))
                .toList();
    }

    /** Per official named by the ratings of the period: how many, and their average total. */
    public record ByOfficial(String official, int ratings, double averageTotal) {}

    @Transactional(readOnly = true)
    public List<ByOfficial> byOfficial(LocalDate from, LocalDate to, String agency) {
        return ratings.byOfficial(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), agency).stream()
                .map(s ->
                        new ByOfficial(s.official(), s.ratings(), Math.round(s.totals() * 100.0 / s.ratings()) / 100.0))
                .toList();
    }

    public RatingSettings settings() {
        return settings;
    }

    private void refuseIfNotNow(Dossier dossier, Optional<RatingMapper.Row> row, LocalDateTime now) {
        String[] refusal = refusal(dossier, row, now);
        if (refusal != null) {
            throw UserError.conflict(refusal[0], refusal[1]);
        }
    }

    /** Why the applicant may not rate now (Vietnamese, English), or null. */
    private String[] refusal(Dossier dossier, Optional<RatingMapper.Row> row, LocalDateTime now) {
        if (dossier.status() != DossierStatus.RETURNED) {
            return new String[] {
                "Hồ sơ " + dossier.code() + " chưa trả kết quả: chỉ đánh giá được sau khi đã nhận kết quả.",
                "Dossier " + dossier.code() + " has not been returned yet: it can be rated once its result is received."
            };
        }
        if (row.isPresent()) {
            LocalDateTime until = row.get().firstRatedAt().plus(settings.editableFor());
            if (!now.isBefore(until)) {
                return new String[] {
                    "Đã hết thời hạn sửa đánh giá hồ sơ " + dossier.code() + " (đến " + SHOWN.format(until) + ").",
                    "The rating of dossier " + dossier.code() + " could be changed until " + until + " only."
                };
            }
        }
        return null;
    }

    private static RatingMapper.Row row(
            Dossier dossier,
            List<Integer> s,
            int total,
            String comment,
            Channel channel,
            String by,
            LocalDateTime first,
            LocalDateTime at,
            int revision) {
        return new RatingMapper.Row(
                dossier.code(),
                dossier.agencyCode(),
                (channel == null ? Channel.PORTAL : channel).name(),
                s.get(0),
                s.get(1),
                s.get(2),
                s.get(3),
                s.get(4),
                s.get(5),
                s.get(6),
                s.get(7),
                s.get(8),
                total,
                comment,
                by,
                first,
                at,
                revision);
    }

    private Rating rating(RatingMapper.Row row) {
        return rating(row, ratings.officials(row.dossierCode()));
    }

    private Rating rating(RatingMapper.Row row, List<String> officials) {
        RatingSettings.Satisfaction satisfaction = settings.satisfaction(row.total());
        return new Rating(
                row.scores(),
                row.total(),
                satisfaction,
                satisfaction.text,
                settings.grade(row.total()),
                row.commentText(),
                Channel.valueOf(row.channel()),
                row.firstRatedAt(),
                row.ratedAt(),
                row.revision(),
                row.firstRatedAt().plus(settings.editableFor()),
                officials);
    }
}
