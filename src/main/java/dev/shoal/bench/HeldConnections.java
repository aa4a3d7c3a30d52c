package dev.shoal.bench;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.protocol.handshake.StatusLine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The capacity bench's crowd: many TCP connections to one node, each from its own loopback address
 * (127.10.0.1, 127.10.0.2, ...; all of 127.0.0.0/8 is loopback on Linux), so the node's
 * per-address shares apply as they would to a crowd of hosts. Of one {@link Kind}:
 * <ul>
 * <li>{@code idle}: connected, nothing ever sent;</li>
 * <li>{@code slow}: a Gnutella handshake (even ones) or an HTTP request (odd ones) trickled one
 *     byte every {@value #TRICKLE_MILLIS} ms;</li>
 * <li>{@code gnutella}: a completed Gnutella 0.6 handshake as a leaf, then quiet but for a pong to
 *     every ping (the node's keep-alives). Even ones compress both ways, as LimeWire's and
 *     gtk-gnutella's leaves do; odd ones send and read plain bytes.</li>
 * </ul>
 * One selector thread serves them all: it notices when the node closes one, trickles, and answers
 * pings. Opening uses a few threads (a connect or handshake waits for the node's answer).
 */
final class HeldConnections implements AutoCloseable {
    enum Kind { IDLE, SLOW, GNUTELLA }

    static final int TRICKLE_MILLIS = 2_000;
    private static final int OPENERS = 8;
    private static final byte[] SLOW_HANDSHAKE = ("GNUTELLA CONNECT/0.6\r\nUser-Agent: ShoalCapacityBench/1\r\n"
            + "X-Ultrapeer: False\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SLOW_HTTP = ("GET /uri-res/N2R?urn:sha1:PLSTHIPQGSSZTS5FJUPAKUZWUGYQYPFB HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** One connection as the selector sees it. */
    private static final class Held {
        final SocketChannel channel;
        final byte[] script;
        int sent;
        ByteBuffer in;
        /** Set when the node compresses what it sends us. */
        Inflater inflater;
        /** We compress what we send (into stored deflate blocks: no zlib state to hold). */
        boolean deflateOut;

        Held(SocketChannel channel, byte[] script) {
            this.channel = channel;
            this.script = script;
        }
    }

    private final Kind kind;
    private final InetSocketAddress node;
    private final Selector selector;
    private final Queue<Held> pending = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedByNode = new AtomicInteger();
    private final AtomicLong lastClosedNanos = new AtomicLong(-1);
    private final AtomicLong pingsAnswered = new AtomicLong();
    private volatile boolean stopped;

    private HeldConnections(Kind kind, InetSocketAddress node) throws IOException {
        this.kind = kind;
        this.node = node;
        this.selector = Selector.open();
        this.loop = new Thread(this::serve, "shoal-capacity-held");
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens {@code n} connections of {@code kind} (those the node refuses are counted, not retried). */
    static HeldConnections open(Kind kind, InetSocketAddress node, int n) throws IOException, InterruptedException {
        HeldConnections held = new HeldConnections(kind, node);
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                openers.execute(() -> held.openOne(index));
            }
        } finally {
            openers.shutdown();
            openers.awaitTermination(10, TimeUnit.MINUTES);
        }
        return held;
    }

    /** The i-th source address: 127.10.0.1, ..., 127.10.0.250, 127.10.1.1, ... */
    static InetAddress source(int i) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, (byte) (10 + i / 62_500), (byte) (i / 250 % 250),
                (byte) (1 + i % 250)});
    }

    private void openOne(int i) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.bind(new InetSocketAddress(source(i), 0));
            ch.connect(node);
            Held h = new Held(ch, kind != Kind.SLOW ? null : i % 2 == 0 ? SLOW_HANDSHAKE : SLOW_HTTP);
            if (kind == Kind.GNUTELLA) {
                handshake(ch, h, i % 2 == 0);
                h.in = ByteBuffer.allocate(4096);
            }
            ch.configureBlocking(false);
            opened.incrementAndGet();
            pending.add(h);
            selector.wakeup();
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            closeQuietly(ch);
        }
    }

    /**
     * The leaf's side of the three steps. The node sends nothing after its answer until our 200,
     * so reading its answer whole never takes bytes that belong to what follows.
     */
    private static void handshake(SocketChannel ch, Held h, boolean deflate) throws IOException {
        write(ch, "GNUTELLA CONNECT/0.6\r\nUser-Agent: ShoalCapacityBench/1\r\nX-Ultrapeer: False\r\n"
                + (deflate ? "Accept-Encoding: deflate\r\n" : "") + "\r\n");
        HandshakeMessage answer = null;
        HandshakeReader reader = new HandshakeReader();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            while (true) {
                buf.clear();
                if (ch.read(buf) < 0) {
                    throw new IOException("closed during the handshake");
                }
                buf.flip();
                Optional<HandshakeMessage> step = reader.feed(buf);
                if (step.isPresent()) {
                    answer = step.get();
                    if (!StatusLine.parse(answer.firstLine()).isOk()) {
                        throw new IOException("refused: " + answer.firstLine());
                    }
                    break;
                }
            }
        } catch (FramingException e) {
            throw new IOException(e.getMessage(), e);
        }
        h.deflateOut = deflate && answer.headers().hasToken("Accept-Encoding", "deflate");
        if (answer.headers().hasToken("Content-Encoding", "deflate")) {
            h.inflater = new Inflater();
        }
        write(ch, "GNUTELLA/0.6 200 OK\r\n" + (h.deflateOut ? "Content-Encoding: deflate\r\n" : "") + "\r\n");
        if (h.deflateOut) {
            // A zlib header (deflate, 32 KiB window, no dictionary); stored blocks follow.
            ch.write(ByteBuffer.wrap(new byte[] {0x78, 0x01}));
        }
    }

    private static void write(SocketChannel ch, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private void serve() {
        long nextTrickle = System.nanoTime();
        ByteBuffer discard = ByteBuffer.allocate(4096);
        try {
            while (!stopped) {
                for (Held h = pending.poll(); h != null; h = pending.poll()) {
                    h.channel.register(selector, SelectionKey.OP_READ, h);
                }
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key, discard);
                }
                selector.selectedKeys().clear();
                if (kind == Kind.SLOW && System.nanoTime() >= nextTrickle) {
                    trickle();
                    nextTrickle = System.nanoTime() + TRICKLE_MILLIS * 1_000_000L;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                throw new IllegalStateException("the held connections' selector failed", e);
            }
        }
    }

    private void read(SelectionKey key, ByteBuffer discard) {
        Held h = (Held) key.attachment();
        try {
            ByteBuffer into = h.in == null || h.inflater != null ? discard.clear() : h.in;
            if (h.channel.read(into) < 0) {
                throw new IOException("closed by the node");
            }
            if (h.inflater != null) {
                inflate(h, discard.flip());
            }
            if (h.in != null) {
                answerPings(h);
            }
        } catch (IOException | FramingException | DataFormatException e) {
            closedByNode.incrementAndGet();
            lastClosedNanos.set(System.nanoTime());
            key.cancel();
            closeQuietly(h.channel);
        }
    }

    /** Inflates what the node sent into {@code h.in} (which grows for a frame larger than it). */
    private static void inflate(Held h, ByteBuffer compressed) throws DataFormatException {
        h.inflater.setInput(compressed);
        while (true) {
            if (!h.in.hasRemaining()) {
                h.in = ByteBuffer.allocate(h.in.capacity() * 2).put(h.in.flip());
            }
            int n = h.inflater.inflate(h.in);
            if (n == 0 && (h.inflater.needsInput() || h.inflater.finished())) {
                return;
            }
        }
    }

    /** Reads whole frames from {@code h.in}; a ping gets a pong naming this connection's address. */
    private void answerPings(Held h) throws IOException, FramingException {
        ByteBuffer b = h.in;
        b.flip();
        while (b.remaining() >= Header.SIZE) {
            Header header = Header.read(b.duplicate(), 65_535);
            if (b.remaining() < Header.SIZE + header.payloadLength()) {
                if (Header.SIZE + header.payloadLength() > b.capacity()) {
                    h.in = ByteBuffer.allocate(Header.SIZE + header.payloadLength()).put(b);
                    return;
                }
                break;
            }
            b.position(b.position() + Header.SIZE + header.payloadLength());
            if (header.type() == MessageType.PING) {
                pong(h, header.guid(), header.hops() + 1);
            }
        }
        b.compact();
    }

    private void pong(Held h, Guid guid, int ttl) throws IOException {
        InetSocketAddress self = (InetSocketAddress) h.channel.getLocalAddress();
        byte[] frame = MessageCodec.frame(guid, ttl, 0, new Pong(self, 0, 0, null)).toBytes();
        h.channel.write(ByteBuffer.wrap(h.deflateOut ? stored(frame) : frame));
        pingsAnswered.incrementAndGet();
    }

    /** {@code bytes} as one stored (uncompressed) deflate block that is not the last. */
    private static byte[] stored(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocate(5 + bytes.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).putShort((short) bytes.length).putShort((short) ~bytes.length).put(bytes);
        return b.array();
    }

    /** One more byte on every trickling connection (the request starts over once all of it is sent). */
    private void trickle() {
        for (SelectionKey key : selector.keys()) {
            Held h = (Held) key.attachment();
            if (!key.isValid() || h.script == null) {
                continue;
            }
            try {
                h.channel.write(ByteBuffer.wrap(h.script, h.sent % h.script.length, 1));
                h.sent++;
            } catch (IOException e) {
                closedByNode.incrementAndGet();
                lastClosedNanos.set(System.nanoTime());
                key.cancel();
                closeQuietly(h.channel);
            }
        }
    }

    /** Connections opened (and, for {@code gnutella}, accepted by the node). */
    int opened() {
        return opened.get();
    }

    /** Connections refused, failed, or not accepted by the node. */
    int failed() {
        return failed.get();
    }

    /** Opened connections the node has closed since. */
    int closedByNode() {
        return closedByNode.get();
    }

    /** When the node last closed one (System.nanoTime), or -1. */
    long lastClosedNanos() {
        return lastClosedNanos.get();
    }

    long pingsAnswered() {
        return pingsAnswered.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        selector.wakeup();
        loop.join(10_000);
        List<SelectionKey> keys = new ArrayList<>(selector.keys());
        for (SelectionKey key : keys) {
            Held h = (Held) key.attachment();
            closeQuietly(h.channel);
            if (h.inflater != null) {
                h.inflater.end();
            }
        }
        for (Held h = pending.poll(); h != null; h = pending.poll()) {
            closeQuietly(h.channel);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // going away anyway
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // going away anyway
            }
        }
    }
}
