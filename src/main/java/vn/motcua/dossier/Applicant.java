package vn.motcua.dossier;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The person or organisation a dossier is filed for (domain.md §4.3). */
public record Applicant(Kind kind, String name, String idNumber, String address, String phone, String email) {

    public enum Kind {
        PERSON,
        ORGANIZATION
    }

    /** The name as the public tracking page shows it: initials only, e.g. "Nguyễn Văn An" → "N. V. A.". */
    public static String masked(String name) {
        return Arrays.stream(
                        Normalizer.normalize(name, Normalizer.Form.NFC).trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)) + ".")
                .collect(Collectors.joining(" "));
    }
}
