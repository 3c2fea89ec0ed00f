package vn.motcua.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;

/**
 * Slows down whoever walks dossier codes or guesses secrets, per client address and for every node of a cluster at
 * once (the counters are rows of the shared database): every lookup counts towards a generous limit (codes are
 * sequential by law, so walking them is all hits), misses (unknown code, wrong secret) towards a strict one. Over
 * either, lookups from that address are refused until its window ends. Windows are fixed (a client may get up to
 * twice the limit across a window's edge), which is enough against harvesting and costs two statements a lookup (one read, one increment).
 *
 * <p>The address is {@code request.getRemoteAddr()}: Tomcat's RemoteIpValve replaces it with the client named in
 * {@code X-Forwarded-For} only when the request comes from a trusted proxy ({@code motcua.network.trusted-proxies}).
 */
@Component
class LookupLimits {

    @ConfigurationProperties("motcua.tracking")
    record Settings(int maxMisses, Duration missWindow, int maxLookups, Duration lookupWindow) {}

    private static final String LOOKUP = "LOOKUP";
    private static final String MISS = "MISS";

    private final Settings settings;
    private final Clock clock;
    private final LookupMapper counters;

    LookupLimits(Settings settings, Clock clock, LookupMapper counters) {
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Counts a lookup by {@code address}, refused (429) when the address is over either limit: one read of both counters
     * and one increment (issue 17: a tracking lookup sent three statements for this). Two nodes counting the same
     * client at once may each see the other's hit or not: the limits are generous, not exact.
     */
    void check(String address) {
        Instant now = Instant.now(clock);
        Instant missWindow = windowStart(now, settings.missWindow());
        Instant lookupWindow = windowStart(now, settings.lookupWindow());
        LookupMapper.Hits hits = counters.both(address, utc(missWindow), utc(lookupWindow));
        if (hits.misses() >= settings.maxMisses()) {
            long minutes = minutesUntil(now, missWindow.plus(settings.missWindow()));
            throw new UserError(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau " + minutes + " phút.",
                    "Too many failed lookups. Please try again in " + minutes + " minute(s).");
        }
        if (hits.lookups() + 1 > settings.maxLookups()) {
            long minutes = minutesUntil(now, lookupWindow.plus(settings.lookupWindow()));
            throw new UserError(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau " + minutes + " phút.",
                    "Too many lookups in a short time. Please try again in " + minutes + " minute(s).");
        }
        increment(address, LOOKUP, lookupWindow);
    }

    void miss(String address) {
        increment(address, MISS, windowStart(Instant.now(clock), settings.missWindow()));
    }

    /** Forgets every counter (tests that provoke the limit on purpose). */
    void clear() {
        counters.deleteAll();
    }

    /** Each node deletes windows long past; running on several nodes at once is harmless. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void sweep() {
        Duration longest = settings.missWindow().compareTo(settings.lookupWindow()) > 0
                ? settings.missWindow()
                : settings.lookupWindow();
        counters.deleteBefore(utc(Instant.now(clock).minus(longest.multipliedBy(2))));
    }

    /** One more hit; the first hit of a window on two nodes at once meets the key. */
    private void increment(String address, String kind, Instant window) {
        LocalDateTime start = utc(window);
        if (counters.increment(address, kind, start) == 0) {
            try {
                counters.insertFirst(address, kind, start);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                counters.increment(address, kind, start);
            }
        }
    }

    private static Instant windowStart(Instant now, Duration window) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), length));
    }

    private static long minutesUntil(Instant now, Instant end) {
        return Math.max(1, (Duration.between(now, end).toSeconds() + 59) / 60);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
