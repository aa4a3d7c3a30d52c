package dev.shoal.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Holds changed paths back until they have settled: no event for {@code settleNanos}, and the
 * same size and time when looked at again. A file being copied in fires many events; this turns
 * them into one, once the copy is complete. Pure and single-threaded: the clock is passed in.
 */
final class SettleQueue {
    private record Pending(long sinceNanos, PathState state) {
    }

    private final long settleNanos;
    private final Map<Path, Pending> pending = new HashMap<>();

    SettleQueue(long settleNanos) {
        if (settleNanos < 0) {
            throw new IllegalArgumentException("negative settle time: " + settleNanos);
        }
        this.settleNanos = settleNanos;
    }

    /** Something happened to {@code path}, which now looks like {@code state}; the wait starts again. */
    void note(Path path, PathState state, long nowNanos) {
        pending.put(path, new Pending(nowNanos, state));
    }

    /**
     * Removes and returns the paths, sorted, that were quiet long enough and still look as they
     * did; a path that changed meanwhile starts waiting again.
     */
    List<Path> drainSettled(long nowNanos, Function<Path, PathState> look) {
        List<Path> settled = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Pending> entry = it.next();
            if (nowNanos - entry.getValue().sinceNanos() < settleNanos) {
                continue;
            }
            PathState current = look.apply(entry.getKey());
            if (current.equals(entry.getValue().state())) {
                settled.add(entry.getKey());
                it.remove();
            } else {
                entry.setValue(new Pending(nowNanos, current));
            }
        }
        settled.sort(null);
        return settled;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }
}
