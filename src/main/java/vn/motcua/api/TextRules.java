package vn.motcua.api;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The limits of what citizens and officials type, checked before anything is stored: lengths that fit our columns and
 * the engine's (a process variable's text holds 4,000 characters), and only characters that every store and print
 * holds. The engine's tables are 3-byte utf8 (no emoji) and the slips' font, DejaVu, has no glyph for control
 * characters or most symbols, so text is Latin letters with Vietnamese diacritics, digits, spaces and the usual
 * punctuation. Lengths count characters (Unicode code points) as sent, as the columns do.
 */
public final class TextRules {

    /** A field as its form labels it, in both languages. */
    public record Label(String vietnamese, String english) {}

    public static final int NAME_MAX = 255;
    public static final int ADDRESS_MAX = 500;
    public static final int PHONE_MAX = 20;
    public static final int EMAIL_MAX = 255;
    public static final int SUMMARY_MAX = 1000;
    public static final int REASON_MAX = 2000;
    public static final int FILE_NAME_MAX = 255;
    public static final int FORM_VALUE_MAX = 4000;

    private static final String PUNCTUATION = ".,;:!?'\"()\\[\\]/\\\\&%+*#@°=_~|^$€₫§№…“”‘’«»–—\\-";
    /** Latin letters (with Vietnamese diacritics, precomposed or combining), ASCII digits, spaces, punctuation. */
    private static final Pattern TEXT =
            Pattern.compile("[\\p{IsLatin}\\p{InCombiningDiacriticalMarks}0-9 " + PUNCTUATION + "\\n\\r\\t]*");

    private static final Pattern LINE =
            Pattern.compile("[\\p{IsLatin}\\p{InCombiningDiacriticalMarks}0-9 " + PUNCTUATION + "]*");
    /** A person's name: letters, spaces and the punctuation of names (Nguyễn Thị Ánh-Hồng, H'Hen Niê, Lê Văn A.). */
    private static final Pattern PERSON_NAME = Pattern.compile(
            "[\\p{IsLatin}\\p{InCombiningDiacriticalMarks}][\\p{IsLatin}\\p{InCombiningDiacriticalMarks} .'’-]*");

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private TextRules() {}

    /** Free text on several lines (addresses, notes, reasons, summaries, form fields). */
    public static void text(Label label, String value, int max, Problems problems) {
        check(label, value, max, TEXT, problems);
    }

    /** Text on one line (file names, names of organisations). */
    public static void line(Label label, String value, int max, Problems problems) {
        check(label, value, max, LINE, problems);
    }

    public static void personName(Label label, String value, Problems problems) {
        if (value == null || tooLong(label, value, NAME_MAX, problems)) {
            return;
        }
        if (!PERSON_NAME.matcher(nfc(value).strip()).matches()) {
            problems.add(
                    "\"" + label.vietnamese() + "\" chỉ gồm chữ cái (có dấu tiếng Việt), dấu cách và các dấu . ' -",
                    "\"" + label.english() + "\" may hold only letters (Vietnamese diacritics included), spaces and"
                            + " the marks . ' -");
        }
    }

    public static void phone(Label label, String value, Problems problems) {
        if (value == null || value.isBlank() || tooLong(label, value, PHONE_MAX, problems)) {
            return;
        }
        if (!PHONE.matcher(value.strip()).matches()) {
            problems.add(
                    "\"" + label.vietnamese() + "\" chỉ gồm chữ số (có thể có dấu + ở đầu, dấu cách, . - ( ))",
                    "\"" + label.english() + "\" may hold only digits (with an optional leading +, spaces, . - ( ))");
        }
    }

    public static void email(Label label, String value, Problems problems) {
        if (value == null || value.isBlank() || tooLong(label, value, EMAIL_MAX, problems)) {
            return;
        }
        if (!EMAIL.matcher(value.strip()).matches() || !LINE.matcher(value).matches()) {
            problems.add(
                    "\"" + label.vietnamese() + "\" không phải địa chỉ thư điện tử hợp lệ (ví dụ ten@example.vn)",
                    "\"" + label.english() + "\" is not a valid e-mail address (e.g. name@example.vn)");
        }
    }

    private static void check(Label label, String value, int max, Pattern allowed, Problems problems) {
        if (value == null || tooLong(label, value, max, problems)) {
            return;
        }
        String normal = nfc(value);
        if (!allowed.matcher(normal).matches()) {
            int bad = normal.codePoints()
                    .filter(c -> !allowed.matcher(Character.toString(c)).matches())
                    .findFirst()
                    .orElse('?');
            String shown = String.format("U+%04X", bad);
            problems.add(
                    "\"" + label.vietnamese() + "\" có ký tự không được phép (" + shown
                            + "): chỉ dùng chữ cái tiếng Việt, chữ số, dấu cách và dấu câu thông thường,"
                            + " không dùng biểu tượng cảm xúc hay ký tự điều khiển",
                    "\"" + label.english() + "\" holds a character that is not allowed (" + shown
                            + "): use Vietnamese letters, digits, spaces and the usual punctuation, no emoji or"
                            + " control characters");
        }
    }

    private static boolean tooLong(Label label, String value, int max, Problems problems) {
        // what the column stores, as sent
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(
                    "\"" + label.vietnamese() + "\" dài quá " + max + " ký tự (đang có " + length + ")",
                    "\"" + label.english() + "\" is longer than " + max + " characters (" + length + ")");
            return true;
        }
        return false;
    }

    private static String nfc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }
}
