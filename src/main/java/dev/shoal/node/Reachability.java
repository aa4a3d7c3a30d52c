package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.ConnectBack;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessagesSupported;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.UdpConnectBack;
import dev.shoal.protocol.VendorMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether others can reach us, and what we do about it when they cannot.
 *
 * <p>We are <em>firewalled</em> until a connection from outside has come to our port: a Gnutella
 * handshake or a connect-back probe, both counted by {@link dev.shoal.net.LinkRoles#incomingSeen()}, the node's one
 * measure of it (also what lets {@link dev.shoal.node.api.Role#AUTO} promote). Once seen it stays
 * seen for the life of the node. While firewalled, each peer whose "Messages Supported" lists
 * BEAR/7 is asked once to connect back to our port, at most {@link #MAX_CONNECT_BACK_ASKS} asks in
 * all.
 *
 * <p>Datagrams nobody asked for reach us (what out-of-band hits need) once a UDP Ping arrives
 * carrying the GUID of one of our GTKG/7 UDP connect-back requests; until then each peer that
 * lists GTKG/7 is asked once, at most {@link #MAX_CONNECT_BACK_ASKS} asks in all.
 *
 * <p>As a leaf we ask every ultrapeer that lists LIME/21 to be our push proxy; those that agree
 * (LIME/22) are listed in our hits while we are firewalled, at most {@link PushProxy#MAX_IN_HIT}.
 * Our external address is the latest {@code Remote-IP} a peer told us. Thread-safe.
 */
final class Reachability implements LocalResponder.Reach {
    private static final Logger log = LoggerFactory.getLogger(Reachability.class);
    /** Connect-back requests sent in all while firewalled: a few peers suffice to tell. */
    static final int MAX_CONNECT_BACK_ASKS = 8;

    private final LongSupplier incomingSeen;
    private final Guid serventId;
    private final IntSupplier listenPort;
    private final BooleanSupplier leaf;
    private final BiPredicate<Connection, Frame> send;
    private final AtomicInteger connectBackAsks = new AtomicInteger();
    private final AtomicInteger udpConnectBackAsks = new AtomicInteger();
    /** The GUIDs of our UDP connect-back requests still unanswered. */
    private final Set<Guid> udpAsked = ConcurrentHashMap.newKeySet();
    private volatile boolean udpReachable;
    /** Our ultrapeers that agreed to be our push proxies, with the address each gave. */
    private final Map<Connection, InetSocketAddress> proxies = new ConcurrentHashMap<>();
    private volatile InetAddress external;

    /** {@code incomingSeen} is {@link dev.shoal.net.LinkRoles#incomingSeen()}. */
    Reachability(LongSupplier incomingSeen, Guid serventId, IntSupplier listenPort, BooleanSupplier leaf,
            BiPredicate<Connection, Frame> send) {
        this.incomingSeen = incomingSeen;
        this.serventId = serventId;
        this.listenPort = listenPort;
        this.leaf = leaf;
        this.send = send;
    }

    @Override
    public boolean firewalled() {
        return incomingSeen.getAsLong() == 0;
    }

    /** True once a datagram nobody asked for reached our UDP port: a UDP connect-back came. */
    boolean udpReachable() {
        return udpReachable;
    }

    /**
     * A UDP Ping arrived: true when it is the answer to one of our UDP connect-back requests, which
     * proves unsolicited datagrams reach us (and needs no pong).
     */
    boolean udpConnectBackArrived(Guid ping) {
        if (!udpAsked.remove(ping)) {
            return false;
        }
        if (!udpReachable) {
            log.info("a UDP connect-back reached us: datagrams from anyone get through");
        }
        udpReachable = true;
        return true;
    }

    /** The address peers say they see us at ({@code Remote-IP}), if any told us. */
    Optional<InetAddress> externalAddress() {
        return Optional.ofNullable(external);
    }

    @Override
    public List<InetSocketAddress> pushProxies() {
        List<InetSocketAddress> out = new ArrayList<>(proxies.values());
        return out.subList(0, Math.min(PushProxy.MAX_IN_HIT, out.size()));
    }

    /** A link is up: what it says our address is. */
    void connected(Connection c) {
        c.peerHeaders().get("Remote-IP").flatMap(HostPort::parseAddress).ifPresent(ip -> {
            if (!ip.equals(external)) {
                log.info("{} sees us at {}", c.remoteAddress(), ip.getHostAddress());
            }
            external = ip;
        });
    }

    void disconnected(Connection c) {
        if (proxies.remove(c) != null) {
            log.info("lost push proxy {}", c.remoteAddress());
        }
    }

    /** A peer listed what it supports: ask it to connect back, and to be our push proxy. */
    void supported(Connection c, MessagesSupported supported) {
        if (firewalled() && supported.supports(ConnectBack.VENDOR, ConnectBack.SELECTOR)
                && connectBackAsks.getAndIncrement() < MAX_CONNECT_BACK_ASKS) {
            log.debug("asking {} to connect back to port {}", c.remoteAddress(), listenPort.getAsInt());
            send.test(c, MessageCodec.frame(Guid.random(), 1, 0, ConnectBack.request(listenPort.getAsInt())));
        }
        if (!udpReachable && supported.supports(UdpConnectBack.VENDOR, UdpConnectBack.SELECTOR)
                && udpConnectBackAsks.getAndIncrement() < MAX_CONNECT_BACK_ASKS) {
            Guid guid = Guid.random();
            udpAsked.add(guid);
            log.debug("asking {} for a UDP connect-back to port {}", c.remoteAddress(), listenPort.getAsInt());
            send.test(c, MessageCodec.frame(guid, 1, 0, UdpConnectBack.request(listenPort.getAsInt())));
        }
        if (leaf.getAsBoolean() && c.isUltrapeer() && supported.supports(PushProxy.VENDOR, PushProxy.REQUEST)) {
            send.test(c, MessageCodec.frame(serventId, 1, 0, PushProxy.request()));
        }
    }

    /** An ultrapeer agreed to be our push proxy (LIME/22). */
    void proxyAcknowledged(Connection c, Guid guid, VendorMessage ack) throws BadMessageException {
        if (!guid.equals(serventId) || !c.isUltrapeer()) {
            return;
        }
        InetSocketAddress proxy = PushProxy.proxyOf(ack);
        if (proxy.getAddress().isAnyLocalAddress()) {
            // It gave no usable address: reach it where we reached it.
            proxy = new InetSocketAddress(c.remoteAddress().getAddress(), proxy.getPort());
        }
        proxies.put(c, proxy);
        log.info("{} is our push proxy at {}", c.remoteAddress(), proxy);
    }
}
