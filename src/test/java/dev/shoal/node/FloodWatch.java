package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches queries and their hits across a network of nodes that all report to it. For each
 * query GUID it counts the copies sent but not yet handled, and the local searches not yet done:
 * since a node reports what a frame causes before it reports the frame handled, that count is
 * zero only once the flood is over for good, and every hit has reached its searcher.
 */
final class FloodWatch implements MessageTrace {
    private final Map<Guid, Integer> pending = new HashMap<>();
    private Guid miscounted;

    @Override
    public void sending(Connection to, Frame frame) {
        if (watched(frame)) {
            count(frame.header().guid(), 1);
        }
    }

    @Override
    public void handled(Connection from, Frame frame) {
        if (watched(frame)) {
            count(frame.header().guid(), -1);
        }
    }

    @Override
    public void answerQueued(Header query) {
        count(query.guid(), 1);
    }

    @Override
    public void answerDone(Header query, boolean answered) {
        count(query.guid(), -1);
    }

    /** True once the query with this GUID was sent and nothing of its flood is left to happen. */
    synchronized boolean over(Guid query) {
        if (miscounted != null) {
            throw new AssertionError("a node reported a frame handled before it was sent: " + miscounted);
        }
        Integer n = pending.get(query);
        return n != null && n == 0;
    }

    private static boolean watched(Frame frame) {
        byte type = frame.header().type();
        return type == MessageType.QUERY || type == MessageType.QUERY_HIT;
    }

    private synchronized void count(Guid guid, int delta) {
        int n = pending.merge(guid, delta, Integer::sum);
        if (n < 0) {
            miscounted = guid;
        }
    }
}
