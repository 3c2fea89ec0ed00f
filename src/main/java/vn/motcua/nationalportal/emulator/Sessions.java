package vn.motcua.nationalportal.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The adapter's session tokens, each valid for the configured time after its login, or until forgotten at once. */
final class Sessions {

    private final Duration ttl;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    Sessions(Duration ttl) {
        this.ttl = ttl;
    }

    String open() {
        String token = UUID.randomUUID().toString();
        expiries.put(token, Instant.now().plus(ttl));
        return token;
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

    boolean valid(String token) {
        Instant expiry = expiries.get(token);
        if (expiry != null && Instant.now().isAfter(expiry)) {
            expiries.remove(token);
            return false;
        }
        return expiry != null;
    }

    void expireAll() {
        expiries.clear();
    }
}
