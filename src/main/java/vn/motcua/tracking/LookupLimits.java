package vn.motcua.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;

/**
 * Slows down whoever guesses dossier codes or secrets: after too many misses (unknown code, wrong secret) from one
 * address within the window, every lookup from it is refused until the window passes. Citizens who track their own
 * dossier never miss, so they are never slowed. Kept in memory: per node, forgotten on restart, which is enough
 * against enumeration.
 */
@Component
class LookupLimits {

    @ConfigurationProperties("motcua.tracking")
    record Settings(int maxMisses, Duration missWindow) {}

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> missesByAddress = new ConcurrentHashMap<>();

    LookupLimits(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void check(String address) {
        Deque<Instant> misses = recent(address);
        synchronized (misses) {
            if (misses.size() >= settings.maxMisses()) {
                long wait =
                        Duration.between(Instant.now(clock), misses.peekFirst().plus(settings.missWindow()))
                                        .toSeconds()
                                + 1;
                throw new UserError(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau " + (wait + 59) / 60 + " phút.",
                        "Too many failed lookups. Please try again in " + (wait + 59) / 60 + " minute(s).");
            }
        }
    }

    void miss(String address) {
        Deque<Instant> misses = recent(address);
        synchronized (misses) {
            misses.addLast(Instant.now(clock));
        }
    }

    void clear() {
        missesByAddress.clear();
    }

    private Deque<Instant> recent(String address) {
        Deque<Instant> misses = missesByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant since = Instant.now(clock).minus(settings.missWindow());
        synchronized (misses) {
            while (!misses.isEmpty() && misses.peekFirst().isBefore(since)) {
                misses.removeFirst();
            }
        }
        return misses;
    }
}
