package vn.motcua.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folded form that catalogue search compares: lower case, Vietnamese diacritics removed ("đ" as "d"), compatibility
 * forms decomposed (NFKD), punctuation other than the codes' "." and "-" as spaces, whitespace collapsed. What is stored
 * with each procedure and what a citizen types are folded here alike.
 */
final class SearchText {

    /** Fits an index on MariaDB's utf8mb4 (3,072 bytes): the column is varchar(760). */
    static final int MAX_LENGTH = 760;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.\\-]+");

    /** What {@code catalog_procedure} keeps for search: the folded name, and code, name and sector folded together. */
    record Folded(String name, String text) {}

    private SearchText() {}

    static Folded of(String code, String name, String sector) {
        return new Folded(cut(fold(name)), cut(fold(code + " " + name + " " + sector)));
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(plain).replaceAll(" ").trim();
    }

    /** The folded words of a query, each of which a match must contain. */
    static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    private static String cut(String folded) {
        return folded.length() <= MAX_LENGTH ? folded : folded.substring(0, MAX_LENGTH);
    }
}
