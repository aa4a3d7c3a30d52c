package dev.shoal.net;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One connection's outgoing frames, bounded by bytes. When a frame does not fit, the queue makes
 * room by dropping what matters least instead of blocking the sender: pings before pongs before
 * queries before query hits and pushes; among queries the one that travelled most (most hops)
 * goes first, among hits the one that travelled least; among equals the oldest. Bye, QRP and
 * vendor messages are never dropped: they change the link's state, so losing one would leave the
 * peers disagreeing. Frames leave in the order they came in.
 *
 * <p>Not thread safe: {@link PeerConnection} guards it with its own lock.
 */
final class SendQueue {
    /** Critical frames may overshoot the limit, but not without end: past this, the peer is stuck. */
    static final int CRITICAL_OVERSHOOT = 4;
    private static final int CRITICAL = Integer.MAX_VALUE;

    private final int limitBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int bytes;
    private long sequence;
    private long dropped;

    SendQueue(int limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("send queue limit must be positive: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** Queues the frame, evicting lesser frames if needed; false if this frame itself was dropped. */
    boolean offer(Frame frame) {
        Entry incoming = new Entry(frame, sequence++);
        if (incoming.priority != CRITICAL && bytes > 0) {
            while (bytes + frame.size() > limitBytes) {
                Entry victim = lowest();
                if (victim == null || victim.compareTo(incoming) > 0) {
                    dropped++;
                    return false;
                }
                entries.remove(victim);
                bytes -= victim.frame.size();
                dropped++;
            }
        }
        entries.addLast(incoming);
        bytes += frame.size();
        return true;
    }

    /** Takes frames in arrival order up to {@code maxBytes}, but always at least one. */
    List<Frame> drain(int maxBytes) {
        List<Frame> batch = new ArrayList<>();
        int taken = 0;
        while (!entries.isEmpty()) {
            int size = entries.peekFirst().frame.size();
            if (!batch.isEmpty() && taken + size > maxBytes) {
                break;
            }
            Entry e = entries.pollFirst();
            batch.add(e.frame);
            taken += size;
            bytes -= size;
        }
        return batch;
    }

    /** More than the limit several times over, all of it frames we may not drop. */
    boolean overloaded() {
        return (long) bytes > (long) limitBytes * CRITICAL_OVERSHOOT;
    }

    void clear() {
        entries.clear();
        bytes = 0;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int bytes() {
        return bytes;
    }

    int size() {
        return entries.size();
    }

    long dropped() {
        return dropped;
    }

    private Entry lowest() {
        Entry worst = null;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.priority != CRITICAL && (worst == null || e.compareTo(worst) < 0)) {
                worst = e;
            }
        }
        return worst;
    }

    /** Class of a frame: higher survives longer; {@link #CRITICAL} is never dropped. */
    static int priority(Frame frame) {
        return switch (frame.header().type()) {
            case MessageType.PING -> 0;
            case MessageType.PONG -> 1;
            case MessageType.QUERY -> 2;
            case MessageType.QUERY_HIT, MessageType.PUSH -> 3;
            case MessageType.BYE, MessageType.ROUTE_TABLE_UPDATE, MessageType.VENDOR, MessageType.VENDOR_STANDARD -> CRITICAL;
            default -> 0;
        };
    }

    /** Ordered so that the smallest entry is the first to drop. */
    private static final class Entry implements Comparable<Entry> {
        final Frame frame;
        final long seq;
        final int priority;
        final int rank;

        Entry(Frame frame, long seq) {
            this.frame = frame;
            this.seq = seq;
            this.priority = priority(frame);
            int hops = frame.header().hops();
            // Queries that went far are the least useful; hits that went far are the most valuable.
            this.rank = frame.header().type() == MessageType.QUERY ? -hops : priority == 3 ? hops : 0;
        }

        @Override
        public int compareTo(Entry o) {
            if (priority != o.priority) {
                return Integer.compare(priority, o.priority);
            }
            if (rank != o.rank) {
                return Integer.compare(rank, o.rank);
            }
            return Long.compare(seq, o.seq);
        }
    }
}
