package vn.motcua.security;

import org.camunda.bpm.engine.identity.User;

/**
 * A person's name as Vietnamese reads it, family name first: "Ngô Thị Lan" (last name "Ngô Thị", first name "Lan"),
 * for the built-in identity and the Keycloak plugin alike. A user with no name at all is shown by login.
 */
public final class PersonNames {

    private PersonNames() {}

    public static String of(User user) {
        String name = (nonNull(user.getLastName()) + " " + nonNull(user.getFirstName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
