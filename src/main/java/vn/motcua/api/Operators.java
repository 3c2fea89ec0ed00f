package vn.motcua.api;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** The operators of the installation: members of the group {@code camunda-admin}, in both identity modes. */
public final class Operators {

    public static final String GROUP = "camunda-admin";

    private Operators() {}

    public static boolean is(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> GROUP.equals(a.getAuthority()));
    }

    /** 403 with what only operators may do, in Vietnamese and English, unless the user is one. */
    public static void require(Authentication user, String vietnamese, String english) {
        if (!is(user)) {
            throw new UserError(HttpStatus.FORBIDDEN, vietnamese, english);
        }
    }
}
