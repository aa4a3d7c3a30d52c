package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The debounce rule with a hand-driven clock: nothing sleeps here. */
class SettleQueueTest {
    private static final long SETTLE = 300;
    private final SettleQueue queue = new SettleQueue(SETTLE);
    private final Map<Path, PathState> disk = new HashMap<>();
    private final Path a = Path.of("/share/a.txt");
    private final Path b = Path.of("/share/b.txt");

    private static PathState file(long size, long modified) {
        return new PathState(true, false, true, size, modified);
    }

    private PathState look(Path p) {
        return disk.getOrDefault(p, PathState.MISSING);
    }

    @Test
    void aQuietUnchangedPathSettlesAfterTheDelay() {
        disk.put(a, file(10, 1));
        queue.note(a, look(a), 1000);

        assertThat(queue.drainSettled(1000 + SETTLE - 1, this::look)).isEmpty();
        assertThat(queue.drainSettled(1000 + SETTLE, this::look)).containsExactly(a);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void eachEventRestartsTheWait() {
        disk.put(a, file(10, 1));
        queue.note(a, look(a), 1000);
        queue.note(a, look(a), 1200);

        assertThat(queue.drainSettled(1400, this::look)).isEmpty();
        assertThat(queue.drainSettled(1500, this::look)).containsExactly(a);
    }

    @Test
    void aFileStillGrowingWithoutEventsWaitsAgain() {
        disk.put(a, file(10, 1));
        queue.note(a, look(a), 0);
        disk.put(a, file(20, 2));

        assertThat(queue.drainSettled(SETTLE, this::look)).isEmpty();
        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.drainSettled(2 * SETTLE - 1, this::look)).isEmpty();
        assertThat(queue.drainSettled(2 * SETTLE, this::look)).containsExactly(a);
    }

    @Test
    void aDeletedPathSettlesAsMissing() {
        queue.note(b, PathState.MISSING, 0);
        disk.put(a, file(1, 1));
        queue.note(a, look(a), 0);

        assertThat(queue.drainSettled(SETTLE, this::look)).containsExactly(a, b);
    }

    @Test
    void negativeDelaysAreRefused() {
        assertThatThrownBy(() -> new SettleQueue(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
