package dev.shoal.net;

import dev.shoal.net.WireMessages.ConnectBackProbe;
import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.net.WireMessages.HttpStart;
import dev.shoal.protocol.ConnectBack;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.handshake.ConnectLine;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.time.Clock;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderAdapter;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;

/**
 * Turns a connection's bytes into {@link HandshakeMessage}s, then {@link Frame}s (or, on the shared
 * port, HTTP). An accepted connection starts by looking at its first line; a Gnutella one then
 * reads two handshake steps (the request and the final 200), a dialled one reads one (the
 * response). A step carrying {@code Content-Encoding: deflate} means what follows is one zlib
 * stream: it is inflated here, on the I/O thread, before framing. The peer never finishes that
 * stream (gtk-gnutella just closes), so the inflater never waits for its end.
 *
 * <p>A connect-back probe ({@code CONNECT BACK}, an empty first line, or the start of a TLS handshake,
 * which is how gtk-gnutella connects back first) is passed on as one
 * {@link ConnectBackProbe}; nothing after it is read.
 *
 * <p>Incomplete input is kept for the next read; nothing is emitted until a whole step or frame
 * is there. What is kept is about as large as what is left over, never the read buffer it came in
 * (MINA's grow to 64 KiB on a busy link), and nothing at all once a read ends on a frame's end: a
 * node holds thousands of quiet or trickling connections, and a buffer each kept for nothing would
 * soon weigh more than everything else they hold. Compressed links inflate into one buffer per
 * I/O thread and keep only an unfinished frame's bytes of it. An HTTP request (or push callback) is passed on only once its whole head has come, so
 * a client that trickles its head a byte at a time holds no HTTP session, only at most
 * {@link #MAX_HTTP_HEAD} bytes here until the handshake timeout reaps it. A
 * {@link FramingException} (bad first line, oversized length, broken deflate) stops decoding for
 * good on that connection only.
 *
 * <p>Each frame is checked against its link's {@link InboundBudget} before its payload is copied:
 * one over budget is skipped where it lies and counted, so a flood costs no allocation and never
 * reaches a queue. Inflated bytes pay the same budgets as plain ones, and one read may inflate
 * to at most {@link #MAX_INFLATE_PER_READ} bytes: a small input that would inflate to a flood is
 * cut off after that much, and its link closed.
 */
final class GnutellaDecoder extends ProtocolDecoderAdapter {
    private static final AttributeKey STATE = new AttributeKey(GnutellaDecoder.class, "state");
    private static final int INFLATE_CHUNK = 16 * 1024;
    /**
     * Plain bytes one read may inflate to. A read is at most 64 KiB (MINA's largest read buffer);
     * real Gnutella traffic packs less than 10 to 1, so 32 to 1 is never reached but by a bomb.
     */
    static final int MAX_INFLATE_PER_READ = 2 * 1024 * 1024;
    /** An HTTP request head (start line and headers) longer than this is passed on to be refused. */
    static final int MAX_HTTP_HEAD = 24 * 1024;
    private static final byte[] NO_BYTES = {};

    private final int maxPayload;
    private final InboundBudget.Limits budgets;
    private final Clock clock;
    private final DropCounters drops;
    /** Where each I/O thread inflates; a link keeps only what is left of an unfinished frame. */
    private final ThreadLocal<IoBuffer> inflateScratch =
            ThreadLocal.withInitial(() -> IoBuffer.allocate(INFLATE_CHUNK).setAutoExpand(true));

    GnutellaDecoder(int maxPayload, InboundBudget.Limits budgets, Clock clock, DropCounters drops) {
        this.maxPayload = maxPayload;
        this.budgets = budgets;
        this.clock = clock;
        this.drops = drops;
    }

    private enum Mode { FIRST_LINE, HANDSHAKE, FRAMES, HTTP_HEAD, HTTP, DEAD }

    /** Per-connection decoding state; one decoder instance serves all sessions. */
    private static final class State {
        Mode mode;
        int stepsLeft;
        /** Until the last handshake step is read; a link has no further use for it. */
        HandshakeReader reader = new HandshakeReader();
        Inflater inflater;
        /** Inflated bytes of an unfinished frame (read mode), or null. */
        IoBuffer plain;
        /** Received bytes not decoded yet (write mode, appended to by the next read), or null. */
        IoBuffer pending;
        InboundBudget budget;
        /** HTTP_HEAD: the first line, and how far past it the head has been scanned. */
        String httpLine;
        int headScanned;
        int headLineStart;
    }

    /** Decodes what {@code in} completes, keeping the rest for the next read. */
    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
        State s = state(session);
        IoBuffer buf = in;
        if (s.pending != null) {
            buf = s.pending.put(in).flip();
        }
        try {
            doDecode(session, buf, out);
        } finally {
            keepRest(s, buf);
        }
    }

    /**
     * Keeps what {@code buf} has left in a buffer about its size: the read buffer it came in
     * is MINA's, and a kept buffer that has drained to a quarter is replaced by a smaller one.
     */
    private static void keepRest(State s, IoBuffer buf) {
        if (!buf.hasRemaining()) {
            s.pending = null;
        } else if (buf == s.pending && buf.remaining() * 4 >= buf.capacity()) {
            buf.compact();
        } else {
            s.pending = IoBuffer.allocate(buf.remaining()).setAutoExpand(true).put(buf);
        }
    }

    /** Decodes everything whole in {@code in}; what is left waits for more bytes. Always false. */
    boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
        State s = state(session);
        try {
            decode(s, in, out);
        } catch (FramingException e) {
            s.mode = Mode.DEAD;
            in.position(in.limit());
            throw e;
        }
        // Everything decodable was taken; what is left waits for more bytes.
        return false;
    }

    private void decode(State s, IoBuffer in, ProtocolDecoderOutput out) throws FramingException {
        while (true) {
            switch (s.mode) {
                case FIRST_LINE -> {
                    if (startsTls(in)) {
                        // gtk-gnutella connects back over TLS first: we speak no TLS, but a
                        // connection that reached our port proves it as well as a plain probe.
                        s.mode = Mode.DEAD;
                        in.position(in.limit());
                        out.write(new ConnectBackProbe());
                        return;
                    }
                    Optional<String> line = HandshakeReader.peekFirstLine(in.buf(), HandshakeReader.MAX_LINE);
                    if (line.isEmpty()) {
                        return;
                    }
                    dispatch(s, line.get(), in, out);
                }
                case HANDSHAKE -> {
                    Optional<HandshakeMessage> m = s.reader.feed(in.buf());
                    if (m.isEmpty()) {
                        return;
                    }
                    out.write(m.get());
                    if (m.get().headers().hasToken("Content-Encoding", "deflate") && s.inflater == null) {
                        s.inflater = new Inflater();
                    }
                    if (--s.stepsLeft == 0) {
                        s.mode = Mode.FRAMES;
                        s.reader = null;
                        s.budget = new InboundBudget(budgets, clock);
                    }
                }
                case FRAMES -> {
                    if (s.inflater == null) {
                        frames(s, in.buf(), out);
                    } else {
                        inflate(s, in, out);
                    }
                    return;
                }
                case HTTP_HEAD -> {
                    if (!httpHead(s, in, out)) {
                        return;
                    }
                }
                case HTTP -> {
                    if (in.hasRemaining()) {
                        byte[] bytes = new byte[in.remaining()];
                        in.get(bytes);
                        out.write(new HttpBytes(bytes));
                    }
                    return;
                }
                case DEAD -> {
                    in.position(in.limit());
                    return;
                }
                default -> throw new IllegalStateException(s.mode.toString());
            }
        }
    }

    /** A TLS record header opening a handshake: content type 22, protocol major version 3. */
    private static boolean startsTls(IoBuffer in) {
        return in.remaining() >= 2 && in.get(in.position()) == 0x16 && in.get(in.position() + 1) == 0x03;
    }

    private static void dispatch(State s, String line, IoBuffer in, ProtocolDecoderOutput out) throws FramingException {
        if (ConnectLine.looksLikeConnect(line)) {
            s.mode = Mode.HANDSHAKE;
            s.stepsLeft = 2;
        } else if (ConnectBack.isProbe(line)) {
            // Nothing more is read: the probe is its own message, and the connection is closed.
            s.mode = Mode.DEAD;
            in.position(in.limit());
            out.write(new ConnectBackProbe());
        } else if (line.startsWith("GET ") || line.startsWith("HEAD ") || line.startsWith("GIV ")) {
            int newline = in.indexOf((byte) '\n');
            in.position(newline + 1);
            s.mode = Mode.HTTP_HEAD;
            s.httpLine = line;
        } else {
            throw new PeerMisbehaved(DropReason.UNKNOWN_PROTOCOL, dev.shoal.protocol.Bye.TOO_LARGE,
                    "unknown protocol on first line: "
                    + (line.length() > 40 ? line.substring(0, 40) + "..." : line));
        }
    }

    /**
     * Looks for the empty line that ends the head, scanning only bytes not scanned before (a head
     * trickled a byte a read costs linear time). Once it is there, or the head is too long to be
     * a real one, passes on the first line and every byte after it; true then.
     */
    private static boolean httpHead(State s, IoBuffer in, ProtocolDecoderOutput out) {
        int start = in.position();
        int end = -1;
        for (int i = start + s.headScanned; i < in.limit(); i++) {
            if (in.get(i) == '\n') {
                int length = i - (start + s.headLineStart);
                if (length == 0 || (length == 1 && in.get(i - 1) == '\r')) {
                    end = i + 1;
                    break;
                }
                s.headLineStart = i + 1 - start;
            }
        }
        s.headScanned = in.limit() - start;
        if (end < 0 && in.remaining() <= MAX_HTTP_HEAD) {
            return false;
        }
        out.write(new HttpStart(s.httpLine));
        s.mode = Mode.HTTP;
        s.httpLine = null;
        return true;
    }

    /**
     * Inflates straight from the read buffer into this I/O thread's buffer, after the bytes of an
     * unfinished frame the connection kept; keeps (a copy of) only what is unfinished again. A
     * busy link allocates nothing per read but what its frames need, a quiet one holds nothing.
     */
    private void inflate(State s, IoBuffer in, ProtocolDecoderOutput out) throws FramingException {
        IoBuffer plain = inflateScratch.get().clear();
        if (s.plain != null) {
            plain.put(s.plain.buf());
            s.plain = null;
        }
        plain.flip();
        // The inflater consumes the read buffer as it goes; every byte is taken before we return.
        s.inflater.setInput(in.buf());
        long inflated = 0;
        try {
            while (!s.inflater.finished()) {
                plain.compact();
                plain.expand(INFLATE_CHUNK);
                int n = s.inflater.inflate(plain.buf());
                plain.flip();
                inflated += n;
                if (inflated > MAX_INFLATE_PER_READ) {
                    throw new PeerMisbehaved(DropReason.DEFLATE_BOMB, dev.shoal.protocol.Bye.TOO_LARGE,
                            "Deflate bomb: one read inflated past " + MAX_INFLATE_PER_READ + " bytes");
                }
                if (n == 0) {
                    if (s.inflater.needsDictionary()) {
                        throw new FramingException("deflate stream asks for a preset dictionary");
                    }
                    if (s.inflater.needsInput()) {
                        break;
                    }
                }
                // Frame as we go, so a small input that inflates hugely never piles up here.
                frames(s, plain.buf(), out);
            }
            if (plain.hasRemaining()) {
                s.plain = IoBuffer.allocate(plain.remaining()).put(plain).flip();
            }
        } catch (DataFormatException e) {
            throw new FramingException("corrupt deflate stream: " + e.getMessage(), e);
        } finally {
            // Bytes after a finished stream mean nothing; and MINA's buffer is not ours to keep.
            in.position(in.limit());
            s.inflater.setInput(NO_BYTES);
        }
    }

    private void frames(State s, ByteBuffer b, ProtocolDecoderOutput out) throws FramingException {
        while (b.remaining() >= Header.SIZE) {
            int start = b.position();
            Header h = Header.read(b, maxPayload);
            if (b.remaining() < h.payloadLength()) {
                b.position(start);
                return;
            }
            DropReason over = s.budget.admit(h.type(), Header.SIZE + h.payloadLength());
            if (over != null) {
                drops.count(over);
                b.position(b.position() + h.payloadLength());
                continue;
            }
            byte[] payload = new byte[h.payloadLength()];
            b.get(payload);
            out.write(new Frame(h, payload));
        }
    }

    private static State state(IoSession session) {
        State s = (State) session.getAttribute(STATE);
        if (s == null) {
            s = new State();
            SessionContext ctx = SessionContext.of(session);
            if (ctx != null && ctx.outgoing) {
                s.mode = Mode.HANDSHAKE;
                s.stepsLeft = 1;
            } else {
                s.mode = Mode.FIRST_LINE;
            }
            session.setAttribute(STATE, s);
        }
        return s;
    }

    /** Bytes of buffer kept for the session between reads: what a quiet or trickling connection costs here. */
    int retainedBytes(IoSession session) {
        int n = 0;
        for (Object key : session.getAttributeKeys()) {
            if (session.getAttribute(key) instanceof IoBuffer b) {
                n += b.capacity();
            }
        }
        State s = (State) session.getAttribute(STATE);
        if (s != null && s.plain != null) {
            n += s.plain.capacity();
        }
        if (s != null && s.pending != null) {
            n += s.pending.capacity();
        }
        return n;
    }

    /** The session still has a handshake reader (with the line buffer and headers it grew). */
    boolean holdsHandshakeReader(IoSession session) {
        State s = (State) session.getAttribute(STATE);
        return s != null && s.reader != null;
    }

    @Override
    public void dispose(IoSession session) throws Exception {
        State s = (State) session.removeAttribute(STATE);
        if (s != null && s.inflater != null) {
            s.inflater.end();
        }
    }
}
