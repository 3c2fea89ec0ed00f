package vn.motcua.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded map whose entries expire after a fixed time, for reference data the public tracking page reads on
 * every request (department and procedure names) that changes rarely. When full it simply starts over: the keys are
 * a few hundred at most, so that never happens in practice and costs one reload when it does.
 */
final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxSize;
    private final Clock clock;

    TtlCache(Duration ttl, int maxSize, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The cached value, or the loader's (cached, unless null) when absent or expired. */
    V get(K key, Function<K, V> loader) {
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt() > now) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null) {
            if (entries.size() >= maxSize) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlMillis));
        }
        return value;
    }
}
