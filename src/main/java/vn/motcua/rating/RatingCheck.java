package vn.motcua.rating;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.api.UserError;

/** What a rating may hold: nine scores of 0 to 2, a comment of letters (no emoji, no control characters). */
final class RatingCheck {

    static final int COMMENT_MAX = 1000;

    private RatingCheck() {}

    static List<Integer> scores(List<Integer> scores) {
        int criteria = Criterion.values().length;
        if (scores == null || scores.size() != criteria) {
            throw UserError.badRequest(
                    "Cần chấm đủ " + criteria + " tiêu chí (mỗi tiêu chí 0, 1 hoặc 2 điểm); nhận được "
                            + (scores == null ? 0 : scores.size()) + ".",
                    "All " + criteria + " criteria must be scored (0, 1 or 2 points each); got "
                            + (scores == null ? 0 : scores.size()) + ".");
        }
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < criteria; i++) {
            Integer score = scores.get(i);
            if (score == null || score < 0 || score > Criterion.MAX_POINTS) {
                Criterion criterion = Criterion.values()[i];
                throw UserError.badRequest(
                        "Tiêu chí " + criterion.number() + " (" + criterion.text + "): điểm phải là 0, 1 hoặc 2,"
                                + " không phải " + score + ".",
                        "Criterion " + criterion.number() + " (" + criterion.textEn + "): the score must be 0, 1 or"
                                + " 2, not " + score + ".");
            }
            checked.add(score);
        }
        return List.copyOf(checked);
    }

    static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip();
        if (text.codePointCount(0, text.length()) > COMMENT_MAX) {
            throw UserError.badRequest(
                    "Ý kiến góp ý dài quá " + COMMENT_MAX + " ký tự.",
                    "The comment is longer than " + COMMENT_MAX + " characters.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || text.codePoints().anyMatch(c -> c > 0xFFFF)) {
            throw UserError.badRequest(
                    "Ý kiến góp ý có ký tự không dùng được (ký tự điều khiển hoặc biểu tượng cảm xúc).",
                    "The comment has characters that cannot be kept (control characters or emoji).");
        }
        return text;
    }
}
