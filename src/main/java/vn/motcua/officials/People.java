package vn.motcua.officials;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.security.PersonNames;

/**
 * Officials and departments by name, from the engine's identity service (built-in or the Keycloak plugin alike).
 * Vietnamese names read family name first: "Ngô Thị Lan" (last name "Ngô Thị", first name "Lan").
 */
@Component
class People {

    record Person(String id, String name) {}

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final IdentityService identity;

    People(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    String fullName(String userId) {
        User user = platform(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : PersonNames.of(user);
    }

    String departmentName(String groupId) {
        Group group =
                platform(() -> identity.createGroupQuery().groupId(groupId).singleResult());
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    /** The members of a department, by name. */
    List<Person> members(String groupId) {
        return platform(() -> identity.createUserQuery().memberOfGroup(groupId).list()).stream()
                .map(user -> new Person(user.getId(), PersonNames.of(user)))
                .sorted(Comparator.comparing(Person::name, VIETNAMESE).thenComparing(Person::id))
                .toList();
    }

    /**
     * Asked by the platform, not as the official of the request: inside an engine command (an official completing a
     * task) Camunda would show only the users and groups that official may read, e.g. none of another group's members.
     */
    private <T> T platform(Supplier<T> query) {
        Authentication official = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (official != null) {
                identity.setAuthentication(official);
            }
        }
    }
}
