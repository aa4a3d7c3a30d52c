package dev.shoal.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * What each remote address holds of this node, by kind, against its caps: one host cannot take
 * every handshake, link, leaf slot or HTTP session. Accepted sessions are counted from accept to
 * close; what a session holds is remembered in its {@link SessionContext}, so that closing it
 * gives everything back exactly once. Sessions we dialled are not counted: we chose that peer.
 * Thread-safe.
 */
final class AddressLimits {
    /** What a session holds. A leaf link holds both {@link #LINK} and {@link #LEAF}. */
    enum Kind {
        /** Accepted, not yet a link nor an HTTP session: handshaking, or sending its first request head. */
        SOCKET,
        LINK,
        LEAF,
        HTTP
    }

    private static final Kind[] KINDS = Kind.values();

    private final int[] caps;
    private final int socketsTotal;
    private final Map<InetAddress, int[]> counts = new HashMap<>();
    private int sockets;

    AddressLimits(PeerLimits limits) {
        caps = new int[] {limits.socketsPerAddress(), limits.linksPerAddress(), limits.leavesPerAddress(),
            limits.httpPerAddress()};
        socketsTotal = limits.socketsTotal();
    }

    /**
     * Counts {@code kind} for the session's address unless the address (or, for sockets, the whole
     * node) already holds its share; returns the refusal reason, or null when counted.
     */
    synchronized DropReason acquire(SessionContext ctx, InetAddress address, Kind kind) {
        if (address == null) {
            return null;
        }
        int[] c = counts.computeIfAbsent(address, a -> new int[KINDS.length]);
        if (kind == Kind.SOCKET && sockets >= socketsTotal) {
            drop(address, c);
            return DropReason.SOCKETS_FULL;
        }
        if (c[kind.ordinal()] >= caps[kind.ordinal()]) {
            drop(address, c);
            return switch (kind) {
                case SOCKET -> DropReason.ADDRESS_SOCKETS;
                case LINK -> DropReason.ADDRESS_LINKS;
                case LEAF -> DropReason.ADDRESS_LEAVES;
                case HTTP -> DropReason.ADDRESS_HTTP;
            };
        }
        c[kind.ordinal()]++;
        if (kind == Kind.SOCKET) {
            sockets++;
        }
        ctx.heldAddress = address;
        ctx.held |= 1 << kind.ordinal();
        return null;
    }

    /** Gives back one kind the session holds, if it holds it. */
    synchronized void release(SessionContext ctx, Kind kind) {
        int bit = 1 << kind.ordinal();
        if ((ctx.held & bit) == 0) {
            return;
        }
        ctx.held &= ~bit;
        int[] c = counts.get(ctx.heldAddress);
        if (c != null) {
            c[kind.ordinal()]--;
            drop(ctx.heldAddress, c);
        }
        if (kind == Kind.SOCKET) {
            sockets--;
        }
    }

    /** Gives back everything the session holds; closing calls it. */
    void releaseAll(SessionContext ctx) {
        for (Kind k : KINDS) {
            release(ctx, k);
        }
    }

    /** How many more of {@code kind} the address may take now. */
    synchronized int room(InetAddress address, Kind kind) {
        int[] c = address == null ? null : counts.get(address);
        return caps[kind.ordinal()] - (c == null ? 0 : c[kind.ordinal()]);
    }

    synchronized int count(InetAddress address, Kind kind) {
        int[] c = counts.get(address);
        return c == null ? 0 : c[kind.ordinal()];
    }

    /** Accepted sockets not yet a link or an HTTP session, from all addresses. */
    synchronized int sockets() {
        return sockets;
    }

    /** Addresses with something counted; an address that holds nothing is forgotten. */
    synchronized int addresses() {
        return counts.size();
    }

    private void drop(InetAddress address, int[] c) {
        for (int n : c) {
            if (n != 0) {
                return;
            }
        }
        counts.remove(address);
    }
}
