package dev.shoal.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many datagrams our UDP port takes: each address its own rate, and the port as a whole a
 * rate on top, so that many addresses (spoofed ones cost nothing) still cannot make it work
 * harder. On loopback each port counts as a sender of its own: nobody off this machine can send
 * from 127.0.0.0/8, and test networks and the demo put many nodes on 127.0.0.1, whose out-of-band
 * answers would otherwise share one budget. The senders remembered are bounded: the one heard from least recently is forgotten
 * first, and comes back with a full bucket, which the port's rate still caps. Time is the
 * injected clock's monotonic nanoseconds. Used by the one receiving thread; not thread safe.
 */
final class DatagramBudget {
    /** Per address: a UDP host cache or a peer answering our pings sends a few a second at most. */
    static final InboundBudget.Rate PER_ADDRESS = new InboundBudget.Rate(5, 10);
    /** The whole port. */
    static final InboundBudget.Rate PER_PORT = new InboundBudget.Rate(200, 400);
    static final int TRACKED_ADDRESSES = 4_096;

    private final InboundBudget.Rate perAddress;
    private final TokenBucket port;
    /** By address, or by address and port on loopback. */
    private final Map<Object, TokenBucket> addresses;

    DatagramBudget(long nowNanos) {
        this(PER_ADDRESS, PER_PORT, TRACKED_ADDRESSES, nowNanos);
    }

    DatagramBudget(InboundBudget.Rate perAddress, InboundBudget.Rate perPort, int tracked, long nowNanos) {
        this.perAddress = perAddress;
        this.port = new TokenBucket(perPort, nowNanos);
        this.addresses = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, TokenBucket> eldest) {
                return size() > tracked;
            }
        };
    }

    /** Whether a datagram from {@code from} may be handled now; taking it uses the budget up. */
    boolean take(InetSocketAddress from, long nowNanos) {
        InetAddress ip = from.getAddress();
        Object sender = ip.isLoopbackAddress() ? from : ip;
        TokenBucket own = addresses.computeIfAbsent(sender, a -> new TokenBucket(perAddress, nowNanos));
        return own.take(1, nowNanos) && port.take(1, nowNanos);
    }

    int trackedAddresses() {
        return addresses.size();
    }
}
