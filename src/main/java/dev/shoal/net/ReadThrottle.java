package dev.shoal.net;

import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.protocol.Frame;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoEvent;
import org.apache.mina.core.session.IoEventType;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.executor.IoEventQueueHandler;

/**
 * Bounds each session's queue of received bytes waiting for a worker, which MINA leaves
 * unbounded: past {@link #HIGH} bytes waiting, the socket is no longer read until the queue is
 * down to {@link #LOW}. A peer that sends faster than we route then fills its own TCP window, not
 * our heap, and only its link slows down. Frames and HTTP bytes count; the other events are a
 * handful per session (handshake steps, opened, closed).
 */
final class ReadThrottle implements IoEventQueueHandler {
    static final int HIGH = 256 * 1024;
    static final int LOW = 64 * 1024;
    private static final AttributeKey KEY = new AttributeKey(ReadThrottle.class, "backlog");

    /** Bytes of one link's frames handed to the executor and not yet taken by a worker. */
    private static final class Backlog {
        private long bytes;
        private boolean suspended;

        synchronized void add(IoSession session, int n) {
            bytes += n;
            if (!suspended && bytes > HIGH) {
                suspended = true;
                ReadGate.close(session, ReadGate.BACKLOG);
            } else if (suspended && bytes <= LOW) {
                // A worker may take a frame before it is counted in: the sum can dip first.
                suspended = false;
                ReadGate.open(session, ReadGate.BACKLOG);
            }
        }

        synchronized long bytes() {
            return bytes;
        }
    }

    @Override
    public boolean accept(Object source, IoEvent event) {
        return true;
    }

    @Override
    public void offered(Object source, IoEvent event) {
        count(event, 1);
    }

    @Override
    public void polled(Object source, IoEvent event) {
        count(event, -1);
    }

    private static void count(IoEvent event, int sign) {
        if (event.getType() != IoEventType.MESSAGE_RECEIVED) {
            return;
        }
        Object m = event.getParameter();
        int size = m instanceof Frame f ? f.size() : m instanceof HttpBytes b ? b.bytes().length : 0;
        if (size > 0) {
            backlog(event.getSession()).add(event.getSession(), sign * size);
        }
    }

    /** Bytes of the session's messages waiting for a worker now. */
    static long waiting(IoSession session) {
        Backlog b = (Backlog) session.getAttribute(KEY);
        return b == null ? 0 : b.bytes();
    }

    private static Backlog backlog(IoSession session) {
        Backlog b = (Backlog) session.getAttribute(KEY);
        if (b == null) {
            Backlog fresh = new Backlog();
            b = (Backlog) session.setAttributeIfAbsent(KEY, fresh);
            if (b == null) {
                b = fresh;
            }
        }
        return b;
    }
}
