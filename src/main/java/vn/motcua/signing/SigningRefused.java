package vn.motcua.signing;

/** A signature that must not be made (an expired, not yet valid or revoked certificate), said in Vietnamese and English. */
public class SigningRefused extends RuntimeException {

    private final String vietnamese;
    private final String english;

    SigningRefused(String vietnamese, String english) {
        super(vietnamese + " / " + english);
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
