package vn.motcua.sla;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Working-time amounts as designers and operators write them: {@code 4h} or {@code 2d}, 1 day = 8 office hours. */
final class WorkingTime {

    static final long MINUTES_PER_DAY = 8 * 60;
    private static final Pattern FORMAT = Pattern.compile("(\\d+)([hd])");

    private WorkingTime() {}

    static long minutes(String amount) {
        Matcher matcher = FORMAT.matcher(amount == null ? "" : amount.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A working time looks like 4h or 2d, not '" + amount + "'");
        }
        long value = Long.parseLong(matcher.group(1));
        return "h".equals(matcher.group(2)) ? value * 60 : value * MINUTES_PER_DAY;
    }
}
