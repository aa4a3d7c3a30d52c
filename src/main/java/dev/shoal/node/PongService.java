package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.HostCache;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import dev.shoal.routing.PongCache;
import dev.shoal.time.Clock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/**
 * Pings and pongs. We answer a ping with our own pong; an ultrapeer adds up to
 * {@link PongCache#ANSWER_SIZE} recent pongs of ultrapeers from its {@link PongCache} unless the ping
 * was a keep-alive (TTL 1), and never forwards the ping. Every pong teaches the host cache: the
 * host, whether it is an ultrapeer ({@code UP}), its uptime ({@code DU}) and other ultrapeers
 * ({@code IPP}). An ultrapeer pings its ultrapeer links with TTL {@link #REFRESH_TTL} whenever the
 * cache says it is time, to keep it fresh. Our pong carries {@code DU}, and {@code UP} with our free
 * slots when we are an ultrapeer, to peers that announced {@code GGEP}. Thread safe.
 */
final class PongService {
    /** gtk-gnutella answers TTL 3 and more from its pong cache, TTL 2 with its neighbours only. */
    static final int REFRESH_TTL = 3;

    private final PongCache cache = PongCache.defaults();
    private final Clock clock;
    private final long startMillis;
    private final HostCache hosts;
    private final BiPredicate<Connection, Frame> send;

    PongService(Clock clock, HostCache hosts, BiPredicate<Connection, Frame> send) {
        this.clock = clock;
        this.startMillis = clock.millis();
        this.hosts = hosts;
        this.send = send;
    }

    /**
     * Answers a new ping from {@code from}. {@code own} is our pong (address and library); {@code
     * freeSlots} our free leaf and ultrapeer slots when we are an ultrapeer, else empty.
     */
    void answer(Connection from, Header ping, Pong own, Optional<PongExtensions.FreeSlots> freeSlots) {
        int ttl = Math.min(15, ping.hops() + 1);
        send.test(from, MessageCodec.frame(ping.guid(), ttl, 0, withExtensions(own, from, freeSlots)));
        if (freeSlots.isEmpty() || ping.ttl() <= 1) {
            return;
        }
        List<PongCache.Cached> cached;
        synchronized (cache) {
            cached = cache.answerWithHops(PongCache.ANSWER_SIZE + 1, clock.millis());
        }
        Optional<InetSocketAddress> pinger = from.listenAddress();
        int sent = 0;
        for (PongCache.Cached c : cached) {
            if (sent < PongCache.ANSWER_SIZE && !pinger.map(c.pong().address()::equals).orElse(false)
                    && !c.pong().address().equals(own.address())) {
                Pong p = from.peerHeaders().contains("GGEP") ? c.pong() : withoutGgep(c.pong());
                byte[] payload = p.encode();
                // Like gtk-gnutella: TTL 1, hops as many as the pong had made to reach us.
                send.test(from, new Frame(new Header(ping.guid(), MessageType.PONG, 1, c.hops(), payload.length),
                        payload));
                sent++;
            }
        }
    }

    /** A pong came in (answering one of our pings): learn from it, and cache it if it is an ultrapeer's. */
    void received(Header h, Pong pong, boolean weAreUltrapeer) {
        long now = clock.currentTimeMillis();
        boolean ultrapeer = PongExtensions.freeSlots(pong.ggep()).isPresent();
        OptionalLong uptime = PongExtensions.dailyUptimeSeconds(pong.ggep());
        if (ultrapeer) {
            hosts.heard(pong.address(), true, uptime.orElse(0) * 1000, now);
        } else {
            hosts.add(pong.address(), now);
        }
        for (InetSocketAddress a : PongExtensions.packedHosts(pong.ggep())) {
            hosts.addUltrapeer(a, now);
        }
        if (ultrapeer && weAreUltrapeer) {
            synchronized (cache) {
                cache.add(pong, h.hops() + 1, clock.millis());
            }
        }
    }

    /** As an ultrapeer, pings {@code links} (its ultrapeers) if the cache wants refreshing now. */
    void refresh(List<Connection> links) {
        synchronized (cache) {
            if (links.isEmpty() || !cache.refreshDue(clock.millis())) {
                return;
            }
        }
        Frame ping = new Frame(new Header(Guid.random(), MessageType.PING, REFRESH_TTL, 0, 0), new byte[0]);
        for (Connection c : links) {
            send.test(c, ping);
        }
    }

    private Pong withExtensions(Pong own, Connection to, Optional<PongExtensions.FreeSlots> freeSlots) {
        if (!to.peerHeaders().contains("GGEP")) {
            return withoutGgep(own);
        }
        List<GgepExtension> ext = new ArrayList<>(own.ggep().extensions());
        ext.add(PongExtensions.dailyUptime((clock.millis() - startMillis) / 1000));
        freeSlots.ifPresent(s -> ext.add(PongExtensions.ultrapeer(s.leaves(), s.ultrapeers())));
        return new Pong(own.address(), own.filesShared(), own.kilobytesShared(), Ggep.of(ext));
    }

    private static Pong withoutGgep(Pong p) {
        return p.ggep().isEmpty() ? p : new Pong(p.address(), p.filesShared(), p.kilobytesShared(), Ggep.EMPTY);
    }
}
