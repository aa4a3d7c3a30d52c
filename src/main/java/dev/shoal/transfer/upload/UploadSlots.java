package dev.shoal.transfer.upload;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Upload slots shared by all upload connections, with a simple FIFO waiting line.
 *
 * <p>A holder (one per connection) keeps its slot until {@link #release}; a refused holder is
 * queued and told its position. A free slot goes to a newcomer only when nobody queued ahead could
 * take it, so polling in line is never overtaken. Queued holders that stop polling for the queue
 * lifetime are forgotten. One address holds at most {@code perAddress} slots: its further
 * holders wait in line without blocking the holders of other addresses behind them (counted in
 * {@link #refusedForAddress()}). Thread-safe; time is passed in.
 */
public final class UploadSlots {
    public static final int DEFAULT_SLOTS = 4;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    /** Outcome of {@link #acquire}: granted, or the 1-based queue position. */
    public record Decision(boolean granted, int queuePosition) {
        static final Decision GRANTED = new Decision(true, 0);
    }

    private final Set<Object> holders = new HashSet<>();
    /** The address of each holder and queued holder that gave one, and how many slots each address holds. */
    private final Map<Object, InetAddress> addressOf = new HashMap<>();
    private final Map<InetAddress, Integer> heldBy = new HashMap<>();
    private final int perAddress;
    private long refusedForAddress;
    /** Holder → time of its last poll, in arrival order. */
    private final LinkedHashMap<Object, Long> queue = new LinkedHashMap<>();
    private final int retryAfterSeconds;
    private final long queueLifetimeMillis;
    private volatile int slots;

    public UploadSlots() {
        this(DEFAULT_SLOTS, DEFAULT_RETRY_AFTER);
    }

    public UploadSlots(int slots, Duration retryAfter) {
        this(slots, retryAfter, Integer.MAX_VALUE);
    }

    /** As above, one address holding at most {@code perAddress} of the slots. */
    public UploadSlots(int slots, Duration retryAfter, int perAddress) {
        if (slots < 1 || perAddress < 1) {
            throw new IllegalArgumentException("need at least one upload slot");
        }
        this.slots = slots;
        this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
        this.queueLifetimeMillis = 2L * retryAfterSeconds * 1000 + 10_000;
        this.perAddress = perAddress;
    }

    public synchronized Decision acquire(Object holder, long nowMillis) {
        return acquire(holder, null, nowMillis);
    }

    /** As {@link #acquire(Object, long)} for a holder connected from {@code address} (null: unknown). */
    public synchronized Decision acquire(Object holder, InetAddress address, long nowMillis) {
        if (holders.contains(holder)) {
            return Decision.GRANTED;
        }
        expire(nowMillis);
        if (address != null) {
            addressOf.put(holder, address);
        }
        int free = slots - holders.size();
        int ahead = waitingAhead(holder);
        if (free > 0 && ahead < free) {
            if (!hasRoom(address)) {
                refusedForAddress++;
            } else {
                queue.remove(holder);
                holders.add(holder);
                if (address != null) {
                    heldBy.merge(address, 1, Integer::sum);
                }
                return Decision.GRANTED;
            }
        }
        // Re-putting an existing key keeps its place in a LinkedHashMap.
        queue.put(holder, nowMillis);
        return new Decision(false, positionOf(holder) + 1);
    }

    /** Frees the holder's slot and its place in line, if any. */
    public synchronized void release(Object holder) {
        InetAddress address = addressOf.remove(holder);
        if (holders.remove(holder) && address != null) {
            heldBy.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
        queue.remove(holder);
    }

    /** Times a holder was kept waiting only because its address held its share of the slots. */
    public synchronized long refusedForAddress() {
        return refusedForAddress;
    }

    public void setSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one upload slot");
        }
        this.slots = slots;
    }

    public int slots() {
        return slots;
    }

    public synchronized int active() {
        return holders.size();
    }

    public synchronized int queued() {
        return queue.size();
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private boolean hasRoom(InetAddress address) {
        return address == null || heldBy.getOrDefault(address, 0) < perAddress;
    }

    /** Holders in line before this one that could take a slot now (their address has room). */
    private int waitingAhead(Object holder) {
        int n = 0;
        for (Object o : queue.keySet()) {
            if (o.equals(holder)) {
                break;
            }
            if (hasRoom(addressOf.get(o))) {
                n++;
            }
        }
        return n;
    }

    /** Zero-based place in line; the line's length when absent. */
    private int positionOf(Object holder) {
        int i = 0;
        for (Object o : queue.keySet()) {
            if (o.equals(holder)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private void expire(long nowMillis) {
        Iterator<Map.Entry<Object, Long>> it = queue.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Object, Long> e = it.next();
            if (nowMillis - e.getValue() > queueLifetimeMillis) {
                it.remove();
                if (!holders.contains(e.getKey())) {
                    addressOf.remove(e.getKey());
                }
            }
        }
    }
}
