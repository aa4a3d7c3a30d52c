package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One address holds at most its share of the upload slots, and its waiting holders do not block others. */
class UploadSlotsShareTest {
    private final UploadSlots slots = new UploadSlots(4, Duration.ofSeconds(60), 2);

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void anAddressGetsItsShareAndItsNextConnectionWaits() throws Exception {
        InetAddress greedy = ip("192.0.2.1");
        assertThat(slots.acquire("g1", greedy, 0).granted()).isTrue();
        assertThat(slots.acquire("g2", greedy, 0).granted()).isTrue();
        UploadSlots.Decision third = slots.acquire("g3", greedy, 0);
        assertThat(third.granted()).isFalse();
        assertThat(third.queuePosition()).isEqualTo(1);
        assertThat(slots.refusedForAddress()).isEqualTo(1);

        assertThat(slots.acquire("other", ip("192.0.2.2"), 0).granted())
                .as("a waiting holder of a full address does not block another address").isTrue();
        slots.release("g1");
        assertThat(slots.acquire("g3", greedy, 1).granted()).as("its turn, once it has room").isTrue();
        assertThat(slots.active()).isEqualTo(3);
    }

    @Test
    void withoutAnAddressOnlyTheSlotsCount() {
        UploadSlots any = new UploadSlots(2, Duration.ofSeconds(60));
        assertThat(any.acquire("a", 0).granted()).isTrue();
        assertThat(any.acquire("b", 0).granted()).isTrue();
        assertThat(any.acquire("c", 0).granted()).isFalse();
        assertThat(any.refusedForAddress()).isZero();
    }
}
