package vn.motcua.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TtlCacheTests {

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void loadsOnceUntilTheEntryExpires() {
        MovingClock clock = new MovingClock();
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(1), 10, clock);
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a1");
        clock.now = clock.now.plusSeconds(61);
        assertThat(cache.get("a", k -> k + loads.incrementAndGet())).isEqualTo("a2");
    }

    @Test
    void staysBoundedAndKeepsNoNulls() {
        TtlCache<Integer, String> cache = new TtlCache<>(Duration.ofMinutes(1), 3, new MovingClock());
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> "v" + k);
        }
        assertThat(cache.get(9, k -> "again")).isEqualTo("v9");
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThat(cache.get(42, k -> {
                        loads.incrementAndGet();
                        return null;
                    }))
                    .isNull();
        }
        assertThat(loads).hasValue(2);
    }
}
