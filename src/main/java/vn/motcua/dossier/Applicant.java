package vn.motcua.dossier;

import java.text.Normalizer;

/** The person or organisation a dossier is filed for (domain.md §4.3). */
public record Applicant(Kind kind, String name, String idNumber, String address, String phone, String email) {

    public enum Kind {
        PERSON,
        ORGANIZATION
    }

    /** The name as the public tracking page shows it: initials only, e.g. "Nguyễn Văn An" → "N. V. A.". */
    public static String masked(String name) {
        // a loop, not split("\\s+") and a stream: every tracking answer masks a name (issue 17)
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC).trim();
        StringBuilder initials = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            if (" \t\n\u000B\f\r".indexOf(codePoint) >= 0) {
                wordStart = true;
            } else if (wordStart) {
                initials.append(initials.isEmpty() ? "" : " ")
                        .appendCodePoint(codePoint)
                        .append('.');
                wordStart = false;
            }
            i += Character.charCount(codePoint);
        }
        return initials.toString();
    }
}
