package vn.motcua.signing;

/**
 * A remote signing service could not be reached, refused this installation's client credentials, or answered an
 * error: nothing was signed, and trying again later (or fixing the configuration) may help, unlike a
 * {@link SigningRefused}. Said in Vietnamese and English for the person waiting for the signature.
 */
public class SigningServiceFailed extends RuntimeException {

    private final String vietnamese;
    private final String english;

    SigningServiceFailed(String vietnamese, String english) {
        this(vietnamese, english, null);
    }

    SigningServiceFailed(String vietnamese, String english, Throwable cause) {
        super(vietnamese + " / " + english, cause);
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
