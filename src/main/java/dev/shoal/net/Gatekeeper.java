package dev.shoal.net;

import dev.shoal.protocol.handshake.HandshakeResponse;
import dev.shoal.time.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.mina.core.session.IoSession;

/**
 * Lets accepted sockets in, or not: a banned or too eager address is refused before a byte is
 * read, and each address gets only its share of sockets, links, leaf slots and HTTP sessions
 * ({@link BanList}, {@link AddressLimits}). Also the one place where what was dropped, refused and
 * closed is counted ({@link DropCounters}): a session is counted once, when it closes, under the
 * first reason recorded for it. Thread-safe.
 */
final class Gatekeeper {
    private final PeerLimits limits;
    private final BanList bans;
    private final AddressLimits shares;
    private final DropCounters drops;

    Gatekeeper(PeerLimits limits, Clock clock, DropCounters drops) {
        this.limits = limits;
        this.bans = new BanList(limits, clock);
        this.shares = new AddressLimits(limits);
        this.drops = drops;
    }

    /**
     * A socket was accepted: false (and the reason recorded) if it must be closed at once. Runs on
     * the I/O thread, so it only counts.
     */
    boolean admit(IoSession session, SessionContext ctx) {
        InetAddress address = addressOf(session);
        if (address == null) {
            return true;
        }
        DropReason refused = bans.admit(address);
        if (refused == null) {
            refused = shares.acquire(ctx, address, AddressLimits.Kind.SOCKET);
        }
        if (refused != null) {
            ctx.closeReason(refused, "refused: " + refused.description());
            return false;
        }
        return true;
    }

    /** The socket turned out to be HTTP: false (reason recorded) if its address has its share of sessions. */
    boolean toHttp(SessionContext ctx) {
        if (ctx.outgoing || ctx.heldAddress == null) {
            return true;
        }
        shares.release(ctx, AddressLimits.Kind.SOCKET);
        DropReason refused = shares.acquire(ctx, ctx.heldAddress, AddressLimits.Kind.HTTP);
        if (refused != null) {
            ctx.closeReason(refused, "refused: " + refused.description());
            return false;
        }
        return true;
    }

    /** Links and leaf links the address may still open (both at least 0). */
    int linkRoom(InetAddress address) {
        return Math.max(0, shares.room(address, AddressLimits.Kind.LINK));
    }

    int leafRoom(InetAddress address) {
        return Math.max(0, shares.room(address, AddressLimits.Kind.LEAF));
    }

    /** Why we refused an accepted handshake: a 503 is the address's share running out when the node had room. */
    DropReason refusal(HandshakeResponse r, IoSession session, boolean leaf) {
        if (r.outcome() != HandshakeResponse.Outcome.REFUSE || r.status().code() != 503) {
            return DropReason.HANDSHAKE_REFUSED;
        }
        InetAddress address = addressOf(session);
        if (address != null && leaf && leafRoom(address) == 0) {
            return DropReason.ADDRESS_LEAVES;
        }
        if (address != null && linkRoom(address) == 0) {
            return DropReason.ADDRESS_LINKS;
        }
        return DropReason.SLOTS_FULL;
    }

    /** The accepted handshake got a slot: from now on it counts as a link (and maybe a leaf) of its address. */
    void toLink(SessionContext ctx, boolean leaf) {
        if (ctx.heldAddress == null) {
            return;
        }
        shares.release(ctx, AddressLimits.Kind.SOCKET);
        shares.acquire(ctx, ctx.heldAddress, AddressLimits.Kind.LINK);
        if (leaf) {
            shares.acquire(ctx, ctx.heldAddress, AddressLimits.Kind.LEAF);
        }
    }

    /**
     * The session closed: gives back its share and counts why it closed. Links are always
     * counted (a peer that just went away as {@link DropReason#PEER_CLOSED}); other sessions only
     * when we refused or cut them, and not when a peer we dialled refused us.
     */
    void closed(SessionContext ctx) {
        shares.releaseAll(ctx);
        DropReason cause = ctx.closeCause;
        if (ctx.connection != null) {
            drops.count(cause == null ? DropReason.PEER_CLOSED : cause);
        } else if (cause != null && !ctx.outgoing) {
            drops.count(cause);
        }
    }

    DropCounters drops() {
        return drops;
    }

    PeerLimits limits() {
        return limits;
    }

    BanList bans() {
        return bans;
    }

    AddressLimits shares() {
        return shares;
    }

    static InetAddress addressOf(IoSession session) {
        return session.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }
}
