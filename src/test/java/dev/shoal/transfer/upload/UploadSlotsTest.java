package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {
    @Test
    void slotsAreFifoAndQueuedHoldersExpire() {
        UploadSlots slots = new UploadSlots(2, Duration.ofSeconds(10));
        Object a = "a";
        Object b = "b";
        Object c = "c";
        Object d = "d";
        assertThat(slots.acquire(a, 0).granted()).isTrue();
        assertThat(slots.acquire(b, 0).granted()).isTrue();
        assertThat(slots.acquire(a, 0).granted()).isTrue();
        assertThat(slots.acquire(c, 0)).isEqualTo(new UploadSlots.Decision(false, 1));
        assertThat(slots.acquire(d, 0)).isEqualTo(new UploadSlots.Decision(false, 2));
        slots.release(a);
        // d polls first but c is ahead of it; c then gets the slot.
        assertThat(slots.acquire(d, 1000)).isEqualTo(new UploadSlots.Decision(false, 2));
        assertThat(slots.acquire(c, 1000).granted()).isTrue();
        assertThat(slots.acquire(d, 1000)).isEqualTo(new UploadSlots.Decision(false, 1));
        slots.release(b);
        assertThat(slots.acquire(d, 2000).granted()).isTrue();
        // Someone who stops polling drops out of the line.
        Object e = "e";
        Object f = "f";
        assertThat(slots.acquire(e, 3000).queuePosition()).isEqualTo(1);
        assertThat(slots.acquire(f, 100_000).queuePosition()).isEqualTo(1);
        assertThat(slots.queued()).isEqualTo(1);
        assertThat(slots.active()).isEqualTo(2);
    }
}
