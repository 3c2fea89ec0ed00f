package vn.motcua.nationalportal.emulator;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The portal's time format, {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, read strictly (no 30 February, no 24:00). */
final class PortalTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private PortalTime() {}

    /** The time written, or empty when it is not exactly 14 digits of a real date and time. */
    static Optional<LocalDateTime> parse(String text) {
        if (!text.matches("\\d{14}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT));
        } catch (DateTimeParseException notReal) {
            return Optional.empty();
        }
    }

    static String now() {
        return LocalDateTime.now(ZONE).format(FORMAT);
    }
}
