package vn.motcua.api;

import org.springframework.http.HttpStatus;

/** A refusal caused by what the caller sent or asked for, explained in Vietnamese and in English. */
public class UserError extends RuntimeException {

    private final HttpStatus status;
    private final String vietnamese;

    public UserError(HttpStatus status, String vietnamese, String english) {
        super(english);
        this.status = status;
        this.vietnamese = vietnamese;
    }

    public static UserError badRequest(String vietnamese, String english) {
        return new UserError(HttpStatus.BAD_REQUEST, vietnamese, english);
    }

    public static UserError notFound(String vietnamese, String english) {
        return new UserError(HttpStatus.NOT_FOUND, vietnamese, english);
    }

    public static UserError conflict(String vietnamese, String english) {
        return new UserError(HttpStatus.CONFLICT, vietnamese, english);
    }

    public HttpStatus status() {
        return status;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return getMessage();
    }
}
