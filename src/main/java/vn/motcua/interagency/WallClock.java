package vn.motcua.interagency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The real time of transport events (sent, acknowledged, next attempt), in the installation's zone as our tables keep
 * it; unlike the engine's clock, which tests may move, a network retry always waits for real.
 */
@Component
class WallClock {

    private final Clock clock;

    WallClock(@Value("${motcua.zone}") String zone) {
        this.clock = Clock.system(ZoneId.of(zone));
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    Instant instant(LocalDateTime local) {
        return local.atZone(clock.getZone()).toInstant();
    }

    OffsetDateTime offset(LocalDateTime local) {
        return local.atZone(clock.getZone()).toOffsetDateTime();
    }

    LocalDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toLocalDateTime();
    }

    LocalDateTime local(Instant time) {
        return LocalDateTime.ofInstant(time, clock.getZone());
    }
}
