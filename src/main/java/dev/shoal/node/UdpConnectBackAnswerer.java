package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.UdpConnectBack;
import dev.shoal.time.Clock;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GTKG/7 UDP connect-back requests with a UDP Ping carrying the GUID asked for, sent to the
 * port asked at the address of the link that asked (never anywhere else, so nobody can aim our
 * datagrams at a third host). One answer per link and at most {@link #PER_MINUTE} a minute in all,
 * by the injected clock.
 */
final class UdpConnectBackAnswerer {
    private static final Logger log = LoggerFactory.getLogger(UdpConnectBackAnswerer.class);
    static final int PER_MINUTE = 30;

    private final PerMinute perMinute;
    private final BiPredicate<InetSocketAddress, Frame> sendDatagram;
    private final Map<Connection, Boolean> answered = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong sent = new AtomicLong();

    UdpConnectBackAnswerer(Clock clock, BiPredicate<InetSocketAddress, Frame> sendDatagram) {
        this.perMinute = new PerMinute(clock, PER_MINUTE);
        this.sendDatagram = sendDatagram;
    }

    /** Pings back as {@code from} asked, if the bounds allow; true when the ping went out. */
    boolean answer(Connection from, UdpConnectBack.Ask ask) {
        if (answered.putIfAbsent(from, Boolean.TRUE) != null) {
            log.debug("{} asked for a UDP connect-back twice; once is enough", from.remoteAddress());
            return false;
        }
        if (!perMinute.take()) {
            log.info("too many UDP connect-back requests this minute; ignoring {}", from.remoteAddress());
            return false;
        }
        InetSocketAddress target = new InetSocketAddress(from.remoteAddress().getAddress(), ask.port());
        boolean out = sendDatagram.test(target, MessageCodec.frame(ask.guid(), 1, 0, Ping.PLAIN));
        if (out) {
            sent.incrementAndGet();
        }
        return out;
    }

    /** Connect-back pings sent so far. */
    long sent() {
        return sent.get();
    }
}
