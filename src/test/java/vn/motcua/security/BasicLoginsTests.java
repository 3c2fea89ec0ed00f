package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.Test;

/** The short-lived memory of Basic logins: only successes are kept, a failure forgets the user, time ends them. */
class BasicLoginsTests {

    /** An identity service that knows passwords and one group per user, and counts what it is asked. */
    static final class Identity {
        final Map<String, String> passwords = new HashMap<>(Map.of("pr.tiepnhan", "demo"));
        final AtomicInteger passwordChecks = new AtomicInteger();
        final AtomicInteger groupQueries = new AtomicInteger();

        IdentityService service() {
            return (IdentityService) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {IdentityService.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "checkPassword" -> {
                                passwordChecks.incrementAndGet();
                                return args[1].equals(passwords.get((String) args[0]));
                            }
                            case "createGroupQuery" -> {
                                groupQueries.incrementAndGet();
                                return query(GroupQuery.class, List.of(group("pr-reception")));
                            }
                            case "createTenantQuery" -> {
                                return query(TenantQuery.class, List.of());
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        private static Object query(Class<?> type, List<?> result) {
            return Proxy.newProxyInstance(
                    BasicLoginsTests.class.getClassLoader(),
                    new Class<?>[] {type},
                    (proxy, method, args) -> method.getName().equals("list") ? result : proxy);
        }

        private static Group group(String id) {
            return (Group) Proxy.newProxyInstance(
                    BasicLoginsTests.class.getClassLoader(),
                    new Class<?>[] {Group.class},
                    (proxy, method, args) -> method.getName().equals("getId") ? id : null);
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-25T01:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Identity identity = new Identity();
    final MovingClock clock = new MovingClock();
    final BasicLogins logins = new BasicLogins(identity.service(), Duration.ofSeconds(30), clock);

    @Test
    void aLoginIsCheckedOnceWithinItsTimeToLiveWithItsGroups() {
        assertThat(logins.check("pr.tiepnhan", "demo")).get().satisfies(login -> {
            assertThat(login.user()).isEqualTo("pr.tiepnhan");
            assertThat(login.groups()).containsExactly("pr-reception");
            assertThat(login.tenants()).isEmpty();
        });
        assertThat(logins.check("pr.tiepnhan", "demo")).isPresent();
        assertThat(identity.passwordChecks).hasValue(1);
        assertThat(identity.groupQueries).hasValue(1);

        clock.now = clock.now.plusSeconds(31);
        assertThat(logins.check("pr.tiepnhan", "demo")).isPresent();
        assertThat(identity.passwordChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverKeptNorLetInBecauseAnotherWasKept() {
        assertThat(logins.check("pr.tiepnhan", "demo")).isPresent();
        assertThat(logins.check("pr.tiepnhan", "wrong")).isEmpty();
        assertThat(logins.check("pr.tiepnhan", "wrong")).isEmpty();
        assertThat(logins.check("pr.tiepnhan", null)).isEmpty();
        assertThat(logins.check("nobody", "demo")).isEmpty();
        assertThat(identity.passwordChecks).hasValue(4);
    }

    @Test
    void aFailedCheckForgetsTheUsersKeptLoginsSoAChangedPasswordStopsWorking() {
        assertThat(logins.check("pr.tiepnhan", "demo")).isPresent();
        identity.passwords.put("pr.tiepnhan", "new-password");
        assertThat(logins.check("pr.tiepnhan", "new-password")).isPresent();
        // the old password was still kept; any failed attempt of that user ends it at once
        assertThat(logins.check("pr.tiepnhan", "typo")).isEmpty();
        assertThat(logins.check("pr.tiepnhan", "demo")).isEmpty();
    }

    @Test
    void aZeroTimeToLiveChecksEveryTime() {
        BasicLogins uncached = new BasicLogins(identity.service(), Duration.ZERO, clock);
        uncached.check("pr.tiepnhan", "demo");
        uncached.check("pr.tiepnhan", "demo");
        assertThat(identity.passwordChecks).hasValue(2);
    }
}
