package dev.shoal.net;

import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;

/**
 * Stops and restarts reading a session's socket for more than one reason at a time: reading
 * resumes only once every reason that stopped it is gone. (MINA's own switch is a single flag, so
 * two parts that each suspend and resume would undo each other's bound.) Thread-safe.
 */
final class ReadGate {
    /** Too many of the link's frames (or HTTP bytes) wait for a worker: {@link ReadThrottle}. */
    static final int BACKLOG = 1;
    /** The HTTP session's reader is behind: {@link MinaHttpSession}. */
    static final int READ_AHEAD = 2;

    private static final AttributeKey KEY = new AttributeKey(ReadGate.class, "reasons");

    private int reasons;

    private ReadGate() {
    }

    static void close(IoSession session, int reason) {
        gate(session).set(session, reason, true);
    }

    static void open(IoSession session, int reason) {
        gate(session).set(session, reason, false);
    }

    private synchronized void set(IoSession session, int reason, boolean closed) {
        int before = reasons;
        reasons = closed ? reasons | reason : reasons & ~reason;
        if (before == 0 && reasons != 0) {
            session.suspendRead();
        } else if (before != 0 && reasons == 0) {
            session.resumeRead();
        }
    }

    private static ReadGate gate(IoSession session) {
        ReadGate g = (ReadGate) session.getAttribute(KEY);
        if (g == null) {
            ReadGate fresh = new ReadGate();
            g = (ReadGate) session.setAttributeIfAbsent(KEY, fresh);
            if (g == null) {
                g = fresh;
            }
        }
        return g;
    }
}
