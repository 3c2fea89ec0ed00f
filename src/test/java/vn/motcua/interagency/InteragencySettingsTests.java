package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteragencySettingsTests {

    private final InteragencySettings settings = new InteragencySettings(
            List.of("000.20.43.H43", "000.61.43.H43"),
            Map.of("000.61.43.H43", new InteragencySettings.Peer("http://b:8081", null)),
            null,
            null,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            null,
            null,
            null,
            null,
            null,
            null);

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToTheCap() {
        assertThat(List.of(
                        settings.backoff(1),
                        settings.backoff(2),
                        settings.backoff(3),
                        settings.backoff(4),
                        settings.backoff(30)))
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
    }

    @Test
    void aPeerEntryWinsOverALocalAgency() {
        assertThat(settings.peer("000.61.43.H43")).isPresent();
        assertThat(settings.isKnown("000.20.43.H43")).isTrue();
        assertThat(settings.isKnown("000.00.99.X99")).isFalse();
    }

    @Test
    void sendsByDefaultAndGivesUpAfterFiftyAttemptsOrThreeDays() {
        InteragencySettings defaults =
                new InteragencySettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(defaults.deliveryEnabled()).isTrue();
        assertThat(defaults.poll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxAttempts()).isEqualTo(50);
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.peerToken().configured()).isFalse();
    }
}
