package dev.shoal.node;

import dev.shoal.net.DatagramListener;
import dev.shoal.net.DropReason;
import dev.shoal.net.HostCache;
import dev.shoal.net.UdpEndpoint;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import dev.shoal.time.Clock;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pings and pongs over UDP. A ping gets our pong, and when it asks for hosts ({@code SCP}) the pong
 * carries up to {@link #PACKED_HOSTS} ultrapeers from our host cache in {@code IPP}: we serve as a
 * UDP host cache. A pong is taken only when it answers a ping we sent to that very address (same
 * GUID, within {@link #PONG_WAIT_MILLIS}); any other is unsolicited and dropped, so nobody can fill
 * our host cache by sending pongs. Loopback hosts are taken only from, and given only to, a host on
 * loopback. A ping that answers our UDP connect-back request ({@code connectBackPing}), from an
 * address we have not sent to lately, proves that datagrams nobody asked for reach us, and is not
 * answered. Every other datagram goes to {@code others} (out-of-band hits, {@link OobService}).
 * Called on the UDP thread; thread safe.
 */
final class UdpService implements DatagramListener {
    /** Hosts in one {@code IPP}, as many as LimeWire's UDP host caches return. */
    static final int PACKED_HOSTS = 10;
    /** How long after our ping its pongs are taken. */
    static final long PONG_WAIT_MILLIS = 30_000;
    /** Pings awaiting pongs, most; the oldest is forgotten first. */
    static final int PINGS_REMEMBERED = 256;

    private record Sent(Guid guid, long atMillis) {
    }

    private final UdpEndpoint endpoint;
    private final HostCache hosts;
    private final Clock clock;
    private final Supplier<Pong> ownPong;
    private final BiConsumer<InetSocketAddress, Integer> hostsLearned;
    private final Predicate<Guid> connectBackPing;
    private final DatagramListener others;
    private final Map<InetSocketAddress, Sent> pinged = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Sent> eldest) {
            return size() > PINGS_REMEMBERED;
        }
    };

    /**
     * @param ownPong      our pong (address and library) as it is now
     * @param hostsLearned told, for each solicited pong, who sent it and how many hosts it brought
     * @param connectBackPing true when a ping's GUID is that of our UDP connect-back request, and takes note
     * @param others       handles every other datagram (out-of-band hits and their vendor messages)
     */
    UdpService(UdpEndpoint endpoint, HostCache hosts, Clock clock, Supplier<Pong> ownPong,
            BiConsumer<InetSocketAddress, Integer> hostsLearned, Predicate<Guid> connectBackPing,
            DatagramListener others) {
        this.endpoint = endpoint;
        this.hosts = hosts;
        this.clock = clock;
        this.ownPong = ownPong;
        this.hostsLearned = hostsLearned;
        this.connectBackPing = connectBackPing;
        this.others = others;
    }

    /** Asks {@code cache} (a UDP host cache, or any servent) for hosts: a ping with {@code SCP}. */
    void askForHosts(InetSocketAddress cache) {
        Guid guid = Guid.random();
        synchronized (pinged) {
            pinged.remove(cache);
            pinged.put(cache, new Sent(guid, clock.millis()));
        }
        endpoint.send(cache, MessageCodec.frame(guid, 1, 0, Ping.hostCacheRequest()));
    }

    @Override
    public DropReason onDatagram(InetSocketAddress from, Header header, Payload payload) {
        if (payload instanceof Ping ping) {
            // A ping from where we wrote lately may have passed a NAT only because we wrote: no proof.
            if (endpoint.recentlySentTo(from) || !connectBackPing.test(header.guid())) {
                answer(from, header, ping);
            }
            return null;
        }
        if (payload instanceof Pong pong) {
            return learn(from, header, pong);
        }
        return others.onDatagram(from, header, payload);
    }

    private void answer(InetSocketAddress from, Header header, Ping ping) {
        Pong own = ownPong.get();
        if (ping.asksForHosts()) {
            boolean loopback = from.getAddress().isLoopbackAddress();
            List<InetSocketAddress> packed = new ArrayList<>();
            for (InetSocketAddress a : hosts.ultrapeers(PACKED_HOSTS + 2, clock.currentTimeMillis())) {
                if (packed.size() < PACKED_HOSTS && !a.equals(from) && a.getAddress() instanceof Inet4Address
                        && (loopback || !a.getAddress().isLoopbackAddress())) {
                    packed.add(a);
                }
            }
            if (!packed.isEmpty()) {
                own = new Pong(own.address(), own.filesShared(), own.kilobytesShared(),
                        own.ggep().with(PongExtensions.packedHosts(packed)));
            }
        }
        endpoint.send(from, MessageCodec.frame(header.guid(), 1, 0, own));
    }

    private DropReason learn(InetSocketAddress from, Header header, Pong pong) {
        synchronized (pinged) {
            Sent sent = pinged.get(from);
            if (sent == null || !sent.guid().equals(header.guid()) || clock.millis() - sent.atMillis() > PONG_WAIT_MILLIS) {
                return DropReason.UDP_UNSOLICITED;
            }
        }
        boolean loopback = from.getAddress().isLoopbackAddress();
        long now = clock.currentTimeMillis();
        int learned = 0;
        if (loopback || !pong.address().getAddress().isLoopbackAddress()) {
            learned += hosts.add(pong.address(), now) ? 1 : 0;
        }
        for (InetSocketAddress a : PongExtensions.packedHosts(pong.ggep())) {
            if (loopback || !a.getAddress().isLoopbackAddress()) {
                learned += hosts.addUltrapeer(a, now) ? 1 : 0;
            }
        }
        hostsLearned.accept(from, learned);
        return null;
    }
}
