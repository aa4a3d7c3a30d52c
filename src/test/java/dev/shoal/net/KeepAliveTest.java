package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.KeepAlive.Action;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
    @Test
    void pingAfterSilenceAtMostOncePerIntervalThenClose() {
        assertThat(KeepAlive.decide(0, 0, 999, 1000, 5000)).isEqualTo(Action.NONE);
        assertThat(KeepAlive.decide(0, 0, 1000, 1000, 5000)).isEqualTo(Action.PING);
        assertThat(KeepAlive.decide(0, 1000, 1500, 1000, 5000)).isEqualTo(Action.NONE);
        assertThat(KeepAlive.decide(0, 1000, 2000, 1000, 5000)).isEqualTo(Action.PING);
        assertThat(KeepAlive.decide(0, 4000, 5000, 1000, 5000)).isEqualTo(Action.CLOSE);
        assertThat(KeepAlive.decide(4500, 4000, 5000, 1000, 5000)).isEqualTo(Action.NONE);
    }
}
