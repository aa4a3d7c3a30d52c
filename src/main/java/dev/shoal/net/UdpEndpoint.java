package dev.shoal.net;

import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Datagram;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.time.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our UDP port: the same address and port number as the TCP listener. One daemon thread receives;
 * each datagram passes the {@link DatagramBudget}, must hold exactly one well-framed message
 * ({@link Datagram}) that decodes, and then goes to the {@link DatagramListener} on that same thread.
 * Whatever is refused is counted in the node's {@link DropCounters}.
 *
 * <p>A plain blocking {@link DatagramChannel} rather than MINA's datagram acceptor: datagrams are
 * single messages with no stream to decode, and MINA would keep a session per remote address,
 * state that spoofed senders could make it grow. One thread and no queue bound the work by
 * construction: what the thread cannot take waits in the kernel's buffer and is lost there.
 * Thread safe: {@link #send} may be called from any thread.
 */
public final class UdpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);
    /** Room for the largest datagram IPv4 carries, so that an oversized one is seen whole and refused. */
    private static final int RECEIVE_BUFFER = 65_536;
    /** Destinations remembered, most recent first out last: enough for every peer we talk to at once. */
    public static final int DESTINATIONS_REMEMBERED = 512;

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final Clock clock;
    private final DropCounters drops;
    private final DatagramBudget budget;
    private final Thread receiver;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong natDropped = new AtomicLong();
    private final Map<InetSocketAddress, Boolean> destinations = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
            return size() > DESTINATIONS_REMEMBERED;
        }
    };
    private volatile boolean behindNat;
    private volatile DatagramListener listener = (from, header, payload) -> DropReason.UDP_UNHANDLED;

    private UdpEndpoint(DatagramChannel channel, Clock clock, DropCounters drops) throws IOException {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.clock = clock;
        this.drops = drops;
        this.budget = new DatagramBudget(clock.nanoTime());
        this.receiver = DaemonThreads.named("shoal-udp").newThread(this::receiveLoop);
    }

    /** Binds {@code address} (port 0: any free one) and starts receiving. */
    public static UdpEndpoint bind(InetSocketAddress address, Clock clock, DropCounters drops) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(address);
            UdpEndpoint endpoint = new UdpEndpoint(channel, clock, drops);
            endpoint.receiver.start();
            return endpoint;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public void setListener(DatagramListener listener) {
        this.listener = listener;
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    /** Sends one message; false when the socket refused it (the datagram is lost, as UDP may lose it). */
    public boolean send(InetSocketAddress to, Frame frame) {
        try {
            synchronized (destinations) {
                destinations.put(to, Boolean.TRUE);
            }
            channel.send(frame.toBuffer(), to);
            sent.incrementAndGet();
            return true;
        } catch (IOException e) {
            LOG.debug("UDP send to {} failed: {}", to, e.toString());
            return false;
        }
    }

    /**
     * True when we sent a datagram to {@code address} lately (among the last
     * {@link #DESTINATIONS_REMEMBERED} destinations): a datagram from there may be one a NAT let
     * through only because we wrote first, so it proves nothing about reaching us unasked.
     */
    public boolean recentlySentTo(InetSocketAddress address) {
        synchronized (destinations) {
            return destinations.containsKey(address);
        }
    }

    /**
     * For tests: behave as if behind a NAT, which lets a datagram in only from an address we recently
     * sent to; the others never arrive (they are not counted as received, only in {@link #natDropped()}).
     */
    public void standBehindNat(boolean on) {
        behindNat = on;
    }

    /** Datagrams a {@linkplain #standBehindNat test NAT} kept out. */
    public long natDropped() {
        return natDropped.get();
    }

    /** Datagrams taken off the socket so far, counted before any check (refused ones too). */
    public long received() {
        return received.get();
    }

    /** Datagrams the socket accepted to send so far. */
    public long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the UDP port: {}", e.toString());
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
        while (channel.isOpen()) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // An ICMP port-unreachable from an earlier send, on some systems: the socket is fine.
                LOG.debug("UDP receive: {}", e.toString());
                continue;
            }
            buffer.flip();
            if (from instanceof InetSocketAddress sender) {
                if (behindNat && !recentlySentTo(sender)) {
                    natDropped.incrementAndGet();
                    continue;
                }
                received.incrementAndGet();
                DropReason dropped = handle(sender, buffer);
                if (dropped != null) {
                    drops.count(dropped);
                    LOG.debug("dropped a datagram from {}: {}", sender, dropped.key());
                }
            }
        }
    }

    private DropReason handle(InetSocketAddress from, ByteBuffer datagram) {
        if (!budget.take(from, clock.nanoTime())) {
            return DropReason.UDP_FLOOD;
        }
        Frame frame;
        Payload payload;
        try {
            frame = Datagram.read(datagram);
            payload = MessageCodec.decode(frame);
        } catch (Datagram.FaultException e) {
            return e.fault() == Datagram.Fault.TOO_LARGE ? DropReason.UDP_TOO_LARGE : DropReason.UDP_MALFORMED;
        } catch (BadMessageException e) {
            return DropReason.UDP_MALFORMED;
        }
        try {
            return listener.onDatagram(from, frame.header(), payload);
        } catch (RuntimeException e) {
            LOG.warn("handling a datagram from {} failed", from, e);
            return DropReason.INTERNAL_ERROR;
        }
    }
}
