package vn.motcua.dossier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A dossier code as people type it: from a slip, a phone keyboard (full-width digits and letters), with spaces or in
 * lower case. Every endpoint that takes a code reads it through {@link #normalise}, so that tracking, the diagram,
 * withdrawal, supplements, slips and the apology find the same dossier for the same input (the engine's business keys
 * are compared exactly, our tables ignore case: without this one lookup found a dossier another refused).
 */
public final class DossierCode {

    private DossierCode() {}

    /** NFKC (full-width → ASCII), every kind of space removed, upper case; null stays null. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String compatible = Normalizer.normalize(code, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(compatible.length());
        compatible
                .codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF')
                .forEach(kept::appendCodePoint);
        return kept.toString().toUpperCase(Locale.ROOT);
    }
}
