package vn.motcua.dossier;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.motcua.api.UserError;

/**
 * The applicant's secret: read from paper and typed back, so it is drawn from an alphabet without look-alikes and
 * printed in groups ({@code XXXX-XXXX-XXXX}); typed back with or without the dashes or spaces, in either case. It
 * travels in the header {@value #HEADER} (or in a request body), never in the URL: a query string ends up in access
 * logs, proxies and browser history.
 */
public final class ApplicantSecret {

    public static final String HEADER = "X-Motcua-Secret";

    /**
     * 21 symbols, none of which reads as another: no 0/O/D-like Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V. Twelve of them hold
     * about 52 bits, against an online guesser limited to a few misses per address (motcua.tracking.max-misses).
     */
    public static final String ALPHABET = "ACDEFHJKMNPRTWXY34679";

    static final int LENGTH = 12;
    static final int GROUP = 4;

    /** A secret as printed: three groups of four symbols of {@link #ALPHABET}, joined by dashes. */
    public static final Pattern PRINTED = Pattern.compile("[" + ALPHABET + "]{4}(-[" + ALPHABET + "]{4}){2}");

    private static final SecureRandom RANDOM = new SecureRandom();
    // what people type between groups: spaces of any kind and dashes (ASCII, hyphen, en and em dashes, minus)
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-\\u2010-\\u2015\\u2212]+");

    private ApplicantSecret() {}

    /**
     * Refuses a {@code ?secret=} query parameter, whatever its value, with a message telling to use the header. Takes
     * the raw query string: a form field named {@code secret} in a multipart body is not in it and stays allowed.
     */
    public static void refuseInQuery(String queryString) {
        boolean inQuery = queryString != null
                && Arrays.stream(queryString.split("&"))
                        .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8))
                        .anyMatch(name -> name.trim().equalsIgnoreCase("secret"));
        if (inQuery) {
            throw UserError.badRequest(
                    "Mã bí mật không được gửi trên địa chỉ (?secret=): vui lòng gửi trong tiêu đề " + HEADER + ".",
                    "The secret must not be sent in the URL (?secret=): send it in the " + HEADER + " header.");
        }
    }

    /** The secret of the header, or of the body when the header is absent; blank counts as absent. */
    public static String of(String header, String body) {
        String secret = header != null && !header.isBlank() ? header : body;
        return secret == null || secret.isBlank() ? null : secret.trim();
    }

    /** A new secret, as stored (hashed) and typed: {@value #LENGTH} symbols of {@link #ALPHABET}, no dashes. */
    static String generate() {
        StringBuilder secret = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** What was typed, as stored: full-width folded, separators removed, upper case. */
    static String canonical(String typed) {
        String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return SEPARATORS.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** A secret in {@link #PRINTED} groups, when it is one of this alphabet; any other (older) secret as it is. */
    public static String printed(String secret) {
        String canonical = canonical(secret);
        if (canonical.length() != LENGTH || !canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return secret;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < LENGTH; i += GROUP) {
            grouped.append(i == 0 ? "" : "-").append(canonical, i, i + GROUP);
        }
        return grouped.toString();
    }

    /**
     * The forms whose hash may be stored for what was typed: as typed (secrets issued before this alphabet were
     * base64url, case-sensitive, and may hold a dash), then its canonical form (every secret issued since).
     */
    static List<String> candidates(String typed) {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        forms.add(typed.trim());
        forms.add(canonical(typed));
        return List.copyOf(forms);
    }
}
