package vn.motcua.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins checked against the engine's identity service, remembered for a short time so that a client
 * calling several times in a row costs one password check and one group and tenant lookup, not one per request (the
 * same idea as the login cache of Keycloak mode, with a much shorter life).
 *
 * <p>What is kept: only successful logins, under an HMAC-SHA-256 of user name and password with a key made at start-up
 * and never stored (no password or plain hash of one is kept, and a heap dump cannot be searched for one offline),
 * with the user's groups and tenants, for {@code motcua.security.login-cache-ttl} (30 s; zero turns the cache off).
 * A failed check forgets every remembered login of that user name, so a changed password stops working at the latest
 * one time-to-live after the change, or at once after a failed attempt. Group changes also show within that time.
 */
@Component
public class BasicLogins {

    /** A login that succeeded: who, in which groups (departments) and tenants. */
    public record Login(String user, List<String> groups, List<String> tenants) {}

    private record Entry(Login login, long expiresAt) {}

    private static final int MAX_ENTRIES = 10_000;

    private final IdentityService identity;
    private final long ttlMillis;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> logins = new ConcurrentHashMap<>();

    BasicLogins(
            IdentityService identity, @Value("${motcua.security.login-cache-ttl:PT30S}") Duration ttl, Clock clock) {
        this.identity = identity;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The login of these credentials, checked now or remembered from a check less than the time-to-live ago. */
    public Optional<Login> check(String user, String password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        String id = ttlMillis > 0 ? id(user, password) : null;
        long now = clock.millis();
        if (id != null) {
            Entry entry = logins.get(id);
            if (entry != null && entry.expiresAt() > now && entry.login().user().equals(user)) {
                return Optional.of(entry.login());
            }
        }
        if (!identity.checkPassword(user, password)) {
            forget(user);
            return Optional.empty();
        }
        Login login = new Login(user, groupsOf(user), tenantsOf(user));
        if (id != null) {
            if (logins.size() >= MAX_ENTRIES) {
                logins.clear();
            }
            logins.put(id, new Entry(login, now + ttlMillis));
        }
        return Optional.of(login);
    }

    /** Forgets every remembered login of this user name (a failed check, or an administrator's change). */
    public void forget(String user) {
        logins.values().removeIf(entry -> entry.login().user().equals(user));
    }

    /** The user's groups (departments), as the engine's identity service has them now. */
    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
    }

    /** As Camunda's REST authentication filter reads them: the user's tenants and those of the user's groups. */
    private List<String> tenantsOf(String user) {
        return identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId)
                .toList();
    }

    private String id(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            // the length first: no two (user, password) pairs give the same input
            mac.update(Integer.toString(name.length).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            mac.update(name);
            mac.update((byte) ':');
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
