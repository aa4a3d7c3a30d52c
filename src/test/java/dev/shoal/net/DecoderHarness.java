package dev.shoal.net;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.time.Clock;
import dev.shoal.time.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.DefaultTransportMetadata;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * One connection's {@link GnutellaDecoder} without a socket: bytes go in as the reads of a TCP
 * stream would bring them, decoded objects come out in order. The session claims a fragmenting,
 * TCP-like transport, or MINA would not keep an incomplete read for the next one.
 */
final class DecoderHarness {
    static final int MAX_PAYLOAD = 4096;
    static final String REQUEST = "GNUTELLA CONNECT/0.6\r\nUser-Agent: test/1.0\r\nX-Ultrapeer: True\r\n"
            + "Accept-Encoding: deflate\r\n\r\n";
    static final String PLAIN_FINAL = "GNUTELLA/0.6 200 OK\r\n\r\n";
    static final String DEFLATE_FINAL = "GNUTELLA/0.6 200 OK\r\nContent-Encoding: deflate\r\n\r\n";

    private final GnutellaDecoder decoder;
    private final ProtocolCodecSession session = new ProtocolCodecSession();

    /** The accepting side of a connection, which starts by reading the peer's first line. */
    static DecoderHarness accepted() {
        return new DecoderHarness(false, framingOnly());
    }

    /** The same, holding the link's frames to {@code budgets} on {@code clock} and counting into {@code drops}. */
    static DecoderHarness accepted(InboundBudget.Limits budgets, Clock clock, DropCounters drops) {
        return new DecoderHarness(false, new GnutellaDecoder(MAX_PAYLOAD, budgets, clock, drops));
    }

    /** The dialling side, which reads one handshake step (the answer) and then frames. */
    static DecoderHarness dialled() {
        return new DecoderHarness(true, framingOnly());
    }

    /** Without budgets, so no clock is read: the framing alone. */
    private static GnutellaDecoder framingOnly() {
        return new GnutellaDecoder(MAX_PAYLOAD, InboundBudget.Limits.unlimited(), new VirtualTime(),
                new DropCounters());
    }

    private DecoderHarness(boolean outgoing, GnutellaDecoder decoder) {
        this.decoder = decoder;
        session.setTransportMetadata(new DefaultTransportMetadata("test", "tcp-like", false, true,
                InetSocketAddress.class, SocketSessionConfig.class, Object.class));
        if (outgoing) {
            new SessionContext(true, 0, null).attach(session);
        }
    }

    /** Feeds one read. */
    DecoderHarness feed(byte[] bytes) throws Exception {
        decoder.decode(session, IoBuffer.wrap(bytes), session.getDecoderOutput());
        return this;
    }

    /** Feeds one read that came in a buffer of {@code capacity} bytes, as MINA's read buffers do. */
    DecoderHarness feedIn(int capacity, byte[] bytes) throws Exception {
        IoBuffer read = IoBuffer.allocate(Math.max(capacity, bytes.length)).put(bytes).flip();
        decoder.decode(session, read, session.getDecoderOutput());
        return this;
    }

    /** Bytes of buffer the decoder keeps for this connection until its next read. */
    int retainedBytes() {
        return decoder.retainedBytes(session);
    }

    boolean holdsHandshakeReader() {
        return decoder.holdsHandshakeReader(session);
    }

    /** Feeds {@code bytes} as several reads, cut at the given positions (ascending). */
    DecoderHarness feed(byte[] bytes, int... cuts) throws Exception {
        int from = 0;
        for (int cut : cuts) {
            feed(java.util.Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        return feed(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
    }

    /** Everything decoded so far, in order; taking it empties the output. */
    List<Object> taken() {
        List<Object> out = new ArrayList<>(session.getDecoderOutputQueue());
        session.getDecoderOutputQueue().clear();
        return out;
    }

    /** Calls the decoding step itself, to see what it leaves in the buffer. */
    int consumedBy(byte[] bytes) throws Exception {
        IoBuffer in = IoBuffer.wrap(bytes);
        decoder.doDecode(session, in, session.getDecoderOutput());
        return in.position();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Frame frame(byte type, int ttl, int hops, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7 + type);
        }
        return new Frame(new Header(Guid.random(), type, ttl, hops, payloadLength), payload);
    }

    /** A ping, a query, a hit, a pong and a Bye: every size from empty to large. */
    static List<Frame> someFrames() {
        return List.of(frame(MessageType.PING, 1, 0, 0), frame(MessageType.QUERY, 3, 1, 37),
                frame(MessageType.QUERY_HIT, 6, 2, 900), frame(MessageType.PONG, 1, 0, 14),
                frame(MessageType.BYE, 1, 0, 12));
    }

    static byte[] wire(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Frame f : frames) {
            out.writeBytes(f.toBytes());
        }
        return out.toByteArray();
    }

    /** One zlib stream, sync-flushed after each frame as our encoder does after each batch. */
    static byte[] deflated(byte[]... chunks) {
        Deflater deflater = new Deflater();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (byte[] chunk : chunks) {
            deflater.setInput(chunk);
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] deflatedFrames(List<Frame> frames) {
        return deflated(frames.stream().map(Frame::toBytes).toArray(byte[][]::new));
    }

    /** The root cause if it is a {@link FramingException}, else null. */
    static FramingException framing(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FramingException f) {
                return f;
            }
        }
        return null;
    }
}
