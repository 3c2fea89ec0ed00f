package vn.motcua.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.api.UserError;

/**
 * Slows down whoever walks dossier codes or guesses secrets, per client address and for every node of a cluster: every
 * lookup counts towards a generous limit (codes are sequential by law, so walking them is all hits), misses (unknown
 * code, wrong secret) towards a strict one. Over either, lookups from that address are refused until its window ends.
 * Windows are fixed (a client may get up to twice the limit across a window's edge).
 *
 * <p>A lookup costs no statement (issue 17: the two it cost, one of them a commit, halved tracking's throughput). Each
 * node counts in memory, exactly for what it served itself, and once a second adds its counts to the rows every node
 * shares (one transaction) and reads back the shared counts of the clients past half a limit. A client spreading its
 * lookups over the nodes is therefore refused within about a second of reaching a limit, everywhere; a node that
 * stops loses at most its last second of counts.
 *
 * <p>The address is {@code request.getRemoteAddr()}: Tomcat's RemoteIpValve replaces it with the client named in
 * {@code X-Forwarded-For} only when the request comes from a trusted proxy ({@code motcua.network.trusted-proxies}).
 */
@Component
class LookupLimits {

    @ConfigurationProperties("motcua.tracking")
    record Settings(int maxMisses, Duration missWindow, int maxLookups, Duration lookupWindow) {}

    static final String LOOKUP = "LOOKUP";
    static final String MISS = "MISS";

    /** One counter: a client's lookups or misses in one window. */
    record Key(String client, String kind, LocalDateTime window) {}

    private final Settings settings;
    private final Clock clock;
    private final LookupMapper counters;
    private final TransactionTemplate transaction;

    /** What this node counted in each window (all of it, sent or not). */
    private final Map<Key, AtomicLong> counted = new ConcurrentHashMap<>();
    /** What this node counted since it last added its counts to the shared rows. */
    private final Map<Key, AtomicLong> unsent = new ConcurrentHashMap<>();
    /** The shared rows (every node's counts) of the clients past half a limit, as of the last sync. */
    private volatile Map<Key, Long> shared = Map.of();

    private static final Logger log = LoggerFactory.getLogger(LookupLimits.class);
    private volatile boolean failing;

    LookupLimits(Settings settings, Clock clock, LookupMapper counters, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Counts a lookup by {@code address}; refused (429) when the address is over either limit. */
    void check(String address) {
        Instant now = Instant.now(clock);
        Instant missWindow = windowStart(now, settings.missWindow());
        Instant lookupWindow = windowStart(now, settings.lookupWindow());
        if (count(new Key(address, MISS, utc(missWindow))) >= settings.maxMisses()) {
            long minutes = minutesUntil(now, missWindow.plus(settings.missWindow()));
            throw new UserError(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau " + minutes + " phút.",
                    "Too many failed lookups. Please try again in " + minutes + " minute(s).");
        }
        Key lookups = new Key(address, LOOKUP, utc(lookupWindow));
        if (count(lookups) + 1 > settings.maxLookups()) {
            long minutes = minutesUntil(now, lookupWindow.plus(settings.lookupWindow()));
            throw new UserError(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau " + minutes + " phút.",
                    "Too many lookups in a short time. Please try again in " + minutes + " minute(s).");
        }
        add(lookups);
    }

    void miss(String address) {
        add(new Key(address, MISS, utc(windowStart(Instant.now(clock), settings.missWindow()))));
    }

    /**
     * The best count of the cluster this node has: the shared row (every node's counts as of the last sync) and what
     * this node counted since, or this node's own counts when the shared row is not known to be past half the limit.
     */
    private long count(Key key) {
        long own = value(counted, key);
        Long row = shared.get(key);
        return row == null ? own : Math.max(own, row + value(unsent, key));
    }

    private void add(Key key) {
        counted.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        unsent.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static long value(Map<Key, AtomicLong> counts, Key key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /**
     * Adds this node's new counts to the shared rows, in one transaction, and reads back the rows past half a limit;
     * forgets windows that ended. Every node does it every second.
     */
    @Scheduled(fixedDelayString = "${motcua.tracking.sync-every:PT1S}")
    synchronized void sync() {
        Map<Key, Long> sending = new HashMap<>();
        unsent.forEach((key, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                sending.put(key, n);
            }
        });
        Instant now = Instant.now(clock);
        LocalDateTime missWindow = utc(windowStart(now, settings.missWindow()));
        LocalDateTime lookupWindow = utc(windowStart(now, settings.lookupWindow()));
        Map<Key, Long> read = new HashMap<>();
        try {
            transaction.executeWithoutResult(status -> {
                sending.forEach(this::send);
                for (LookupMapper.Count c : counters.pastHalf(
                        missWindow, Math.max(1, settings.maxMisses() / 2),
                        lookupWindow, Math.max(1, settings.maxLookups() / 2))) {
                    read.put(new Key(c.client(), c.kind(), c.windowStart()), c.hits());
                }
            });
        } catch (RuntimeException e) {
            // the database is away: keep the counts for the next sync (this node still counts exactly for itself)
            sending.forEach((key, n) ->
                    unsent.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n));
            if (!failing) {
                log.warn("Lookup counters not shared with the other nodes (will retry every second): {}", e.toString());
            }
            failing = true;
            return;
        }
        failing = false;
        shared = Map.copyOf(read);
        counted.keySet().removeIf(key -> !current(key, missWindow, lookupWindow));
        unsent.entrySet()
                .removeIf(e -> !current(e.getKey(), missWindow, lookupWindow)
                        && e.getValue().get() == 0);
    }

    private static boolean current(Key key, LocalDateTime missWindow, LocalDateTime lookupWindow) {
        return key.window().equals(MISS.equals(key.kind()) ? missWindow : lookupWindow);
    }

    /** Adds n to a shared row; the first count of a window on two nodes at once meets the key. */
    private void send(Key key, long n) {
        if (counters.add(key.client(), key.kind(), key.window(), n) == 0) {
            try {
                counters.insertFirst(key.client(), key.kind(), key.window(), n);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                counters.add(key.client(), key.kind(), key.window(), n);
            }
        }
    }

    /** Forgets every counter, shared and this node's (tests that provoke the limit on purpose). */
    synchronized void clear() {
        counters.deleteAll();
        counted.clear();
        unsent.clear();
        shared = Map.of();
    }

    /** Each node deletes windows long past; running on several nodes at once is harmless. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void sweep() {
        Duration longest = settings.missWindow().compareTo(settings.lookupWindow()) > 0
                ? settings.missWindow()
                : settings.lookupWindow();
        counters.deleteBefore(utc(Instant.now(clock).minus(longest.multipliedBy(2))));
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
