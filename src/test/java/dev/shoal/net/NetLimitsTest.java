package dev.shoal.net;

import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.size;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the network layer holds. */
class NetLimitsTest {
    @Test
    void readThrottle() {
        says("Frames waiting for a worker", size(ReadThrottle.HIGH) + " per link",
                "until " + size(ReadThrottle.LOW) + " are left");
    }

    @Test
    void dialAttempts() {
        assertThat(HostCache.ATTEMPT_WINDOW_MILLIS).isEqualTo(60_000);
        says("Dial attempts", "at most " + HostCache.ATTEMPTS_PER_WINDOW + " per minute per address");
    }

    @Test
    void httpSessions() {
        says("HTTP sessions (uploads and push callbacks)", HttpSessions.MAX_SESSIONS + " at once; more get 503");
    }
}
