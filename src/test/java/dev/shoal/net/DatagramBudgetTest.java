package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The UDP port's budget: per sender and for the port, on virtual nanoseconds. */
class DatagramBudgetTest {
    private final DatagramBudget budget = new DatagramBudget(new InboundBudget.Rate(5, 10),
            new InboundBudget.Rate(200, 400), 100, 0);

    private int taken(InetSocketAddress from, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            n += budget.take(from, 0) ? 1 : 0;
        }
        return n;
    }

    @Test
    void anAddressOffLoopbackHasOneBudgetWhateverItsPort() {
        assertThat(taken(new InetSocketAddress("10.0.0.1", 1000), 8)).isEqualTo(8);
        assertThat(taken(new InetSocketAddress("10.0.0.1", 2000), 8)).isEqualTo(2);
    }

    @Test
    void onLoopbackEachPortIsASenderOfItsOwn() {
        assertThat(taken(new InetSocketAddress("127.0.0.1", 1000), 12)).isEqualTo(10);
        assertThat(taken(new InetSocketAddress("127.0.0.1", 2000), 12)).isEqualTo(10);
        assertThat(budget.trackedAddresses()).isEqualTo(2);
    }
}
