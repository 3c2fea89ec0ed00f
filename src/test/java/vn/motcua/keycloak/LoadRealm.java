package vn.motcua.keycloak;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load that the Camunda Keycloak plugin is said to freeze under: 60 more departments (12 communes × 5 roles) and
 * 500 more users. Only the first official of each department gets a password, so the import stays quick.
 */
public final class LoadRealm {

    public static final int COMMUNES = 12;
    public static final int USERS = 500;
    static final String[] ROLES = {"reception", "head", "specialist", "leader", "clerk"};
    static final String[] REALM_ROLES = {"reception-officer", "department-head", "specialist", "agency-leader", "clerk"
    };

    private LoadRealm() {}

    public static String department(int index) {
        return String.format("xa%02d-%s", index / ROLES.length + 1, ROLES[index % ROLES.length]);
    }

    public static int departments() {
        return COMMUNES * ROLES.length;
    }

    /** The official with a password in a department: {@code xa07.specialist.1}. */
    public static String official(int department) {
        return user(department, 0);
    }

    static String user(int department, int number) {
        return department(department).replace('-', '.') + "." + (number + 1);
    }

    static void addTo(ObjectNode realm, ArrayNode groups, ArrayNode users) {
        for (int d = 0; d < departments(); d++) {
            ObjectNode group = groups.addObject();
            group.put("name", department(d));
            group.put("path", "/" + department(d));
            group.putObject("attributes")
                    .putArray("displayName")
                    .add("UBND xã " + (d / ROLES.length + 1) + " – " + ROLES[d % ROLES.length]);
            group.putArray("realmRoles").add(REALM_ROLES[d % ROLES.length]);
        }
        for (int u = 0; u < USERS; u++) {
            int d = u % departments();
            int number = u / departments();
            ObjectNode user = users.addObject();
            user.put("username", user(d, number));
            user.put("enabled", true);
            user.put("firstName", "Cán bộ " + (u + 1));
            user.put("lastName", "Xã " + (d / ROLES.length + 1));
            user.put("email", user(d, number) + "@load.motcua.vn");
            user.put("emailVerified", true);
            user.putArray("groups").add("/" + department(d));
            if (number == 0) {
                ObjectNode password = user.putArray("credentials").addObject();
                password.put("type", "password");
                password.put("value", "demo");
                password.put("temporary", false);
            }
        }
    }
}
