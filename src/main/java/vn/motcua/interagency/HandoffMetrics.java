package vn.motcua.interagency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters: {@code motcua.handoffs} gauges by direction (OUT, IN) and status, counters of delivery attempts by
 * outcome, of received messages by outcome, and of refused messages. The gauges read the tables at most every 15 s.
 */
@Component
class HandoffMetrics {

    private static final Duration STALE = Duration.ofSeconds(15);
    private static final List<String> OUT = List.of("PENDING", "DELIVERED", "FAILED", "DEAD");
    private static final List<String> IN = List.of("CORRELATED", "PARKED");

    private final OutboxMapper outbox;
    private final InboxMapper inbox;
    private final MeterRegistry registry;
    private Map<String, Long> counts = Map.of();
    private Instant countedAt = Instant.EPOCH;

    HandoffMetrics(OutboxMapper outbox, InboxMapper inbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.registry = registry;
        OUT.forEach(status -> gauge("OUT", status));
        IN.forEach(status -> gauge("IN", status));
    }

    void attempt(String outcome) {
        Counter.builder("motcua.handoffs.attempts")
                .description("delivery attempts of outgoing handoffs")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void received(String outcome) {
        Counter.builder("motcua.handoffs.received")
                .description("incoming handoffs by outcome: ACCEPTED, DUPLICATE, PARKED")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void refused() {
        Counter.builder("motcua.handoffs.refused")
                .description("incoming messages refused: bad signature, unknown sender, not for this installation")
                .register(registry)
                .increment();
    }

    private void gauge(String direction, String status) {
        Gauge.builder("motcua.handoffs", this, metrics -> metrics.count(direction + ":" + status))
                .description("handoffs stored, by direction and status")
                .tag("direction", direction)
                .tag("status", status)
                .register(registry);
    }

    private synchronized double count(String key) {
        if (Duration.between(countedAt, Instant.now()).compareTo(STALE) > 0) {
            Map<String, Long> fresh = new HashMap<>();
            outbox.countByStatus().forEach(c -> fresh.put("OUT:" + c.status(), c.n()));
            inbox.countByStatus().forEach(c -> fresh.put("IN:" + c.status(), c.n()));
            counts = fresh;
            countedAt = Instant.now();
        }
        return counts.getOrDefault(key, 0L);
    }
}
