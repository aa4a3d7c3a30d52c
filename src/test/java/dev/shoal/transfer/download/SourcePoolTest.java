package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcePoolTest {
    private final SwarmConfig config = ConfigViews.swarm(NodeConfig.defaults(Path.of("unused")));
    private final Source source = new Source(new InetSocketAddress("127.0.0.1", 6346), 1, "f");
    private final SourcePool pool = new SourcePool(List.of(source), config);

    /** protocol-spec/limits.md: the answers of 503 in a row that are borne, then the one that drops. */
    @Test
    void aBusySourceIsBorneUntilOneAnswerOf503TooManyInARow() {
        long now = 0;
        for (int i = 0; i < config.maxBusyRetries(); i++) {
            assertThat(pool.startNext(now)).as("after %d answers of 503", i).contains(source);
            pool.busy(source, now, 1000, 0);
            pool.finished(source);
            now += 1000;
        }
        assertThat(pool.startNext(now)).as("after %d answers of 503", config.maxBusyRetries()).contains(source);
        pool.busy(source, now, 1000, 0);
        pool.finished(source);
        assertThat(pool.startNext(now + 1000)).as("dropped at the next one").isEmpty();
    }

    @Test
    void bytesDeliveredForgiveEarlierBusyAnswers() {
        for (int i = 0; i < config.maxBusyRetries(); i++) {
            pool.busy(source, 0, 0, 0);
        }
        pool.delivered(source, 1);
        pool.busy(source, 0, 0, 0);
        assertThat(pool.startNext(0)).contains(source);
    }

    @Test
    void aQueuedSourceShowsItsPlaceAndRetryTimeUntilItDelivers() {
        pool.startNext(0);
        pool.busy(source, 5_000, 30_000, 3);
        pool.finished(source);
        SourceStats queued = pool.stats().get(0);
        assertThat(queued.state()).isEqualTo(SourceStats.State.RETRYING);
        assertThat(queued.busy()).isTrue();
        assertThat(queued.queuePosition()).isEqualTo(3);
        assertThat(queued.retryAtMillis()).isEqualTo(35_000);
        assertThat(queued.push()).isFalse();

        pool.startNext(35_000);
        pool.delivered(source, 1);
        SourceStats served = pool.stats().get(0);
        assertThat(served.busy()).isFalse();
        assertThat(served.queuePosition()).isZero();
    }
}
