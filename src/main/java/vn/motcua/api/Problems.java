package vn.motcua.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a request, collected field by field in Vietnamese and in English, so that one refusal lists every
 * problem in both languages.
 */
public final class Problems {

    private final List<String> vietnamese = new ArrayList<>();
    private final List<String> english = new ArrayList<>();

    public void add(String vietnamese, String english) {
        this.vietnamese.add(vietnamese);
        this.english.add(english);
    }

    public void copyTo(Problems other) {
        other.vietnamese.addAll(vietnamese);
        other.english.addAll(english);
    }

    public List<String> vietnamese() {
        return List.copyOf(vietnamese);
    }

    public List<String> english() {
        return List.copyOf(english);
    }

    public boolean isEmpty() {
        return vietnamese.isEmpty();
    }

    /** 400 listing the problems after a lead, e.g. "Hồ sơ chưa hợp lệ" / "The dossier is not valid". */
    public UserError refusal(String vietnameseLead, String englishLead) {
        return UserError.badRequest(
                vietnameseLead + ": " + String.join("; ", vietnamese) + ".",
                englishLead + "; nothing was stored: " + String.join("; ", english) + ".");
    }

    /** Throws {@link #refusal} when there is any problem. */
    public void refuseIfAny(String vietnameseLead, String englishLead) {
        if (!isEmpty()) {
            throw refusal(vietnameseLead, englishLead);
        }
    }
}
