package dev.shoal.net;

import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.net.WireMessages.HttpStart;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.handshake.ConnectLine;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;

/**
 * Turns a connection's bytes into {@link HandshakeMessage}s, then {@link Frame}s (or, on the shared
 * port, HTTP). An accepted connection starts by looking at its first line; a Gnutella one then
 * reads two handshake steps (the request and the final 200), a dialled one reads one (the
 * response). A step carrying {@code Content-Encoding: deflate} means what follows is one zlib
 * stream: it is inflated here, on the I/O thread, before framing. The peer never finishes that
 * stream (gtk-gnutella just closes), so the inflater never waits for its end.
 *
 * <p>Incomplete input is kept for the next read; nothing is emitted until a whole step or frame
 * is there. A {@link FramingException} (bad first line, oversized length, broken deflate) stops
 * decoding for good on that connection only.
 */
final class GnutellaDecoder extends CumulativeProtocolDecoder {
    private static final AttributeKey STATE = new AttributeKey(GnutellaDecoder.class, "state");
    private static final int INFLATE_CHUNK = 16 * 1024;
    private static final byte[] NO_BYTES = {};

    private final int maxPayload;

    GnutellaDecoder(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    private enum Mode { FIRST_LINE, HANDSHAKE, FRAMES, HTTP, DEAD }

    /** Per-connection decoding state; one decoder instance serves all sessions. */
    private static final class State {
        Mode mode;
        int stepsLeft;
        final HandshakeReader reader = new HandshakeReader();
        Inflater inflater;
        IoBuffer plain;
    }

    @Override
    protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
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
                        s.plain = IoBuffer.allocate(INFLATE_CHUNK).setAutoExpand(true);
                        s.plain.flip();
                    }
                    if (--s.stepsLeft == 0) {
                        s.mode = Mode.FRAMES;
                    }
                }
                case FRAMES -> {
                    if (s.inflater == null) {
                        frames(in.buf(), out);
                    } else {
                        inflate(s, in, out);
                    }
                    return;
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

    private static void dispatch(State s, String line, IoBuffer in, ProtocolDecoderOutput out) throws FramingException {
        if (ConnectLine.looksLikeConnect(line)) {
            s.mode = Mode.HANDSHAKE;
            s.stepsLeft = 2;
        } else if (line.startsWith("GET ") || line.startsWith("HEAD ") || line.startsWith("GIV ")) {
            int newline = in.indexOf((byte) '\n');
            in.position(newline + 1);
            s.mode = Mode.HTTP;
            out.write(new HttpStart(line));
        } else {
            throw new FramingException("unknown protocol on first line: "
                    + (line.length() > 40 ? line.substring(0, 40) + "..." : line));
        }
    }

    /**
     * Inflates straight from the read buffer into the connection's own plain buffer, which keeps
     * the bytes of an unfinished frame between reads: nothing is allocated per read.
     */
    private void inflate(State s, IoBuffer in, ProtocolDecoderOutput out) throws FramingException {
        // The inflater consumes the read buffer as it goes; every byte is taken before we return.
        s.inflater.setInput(in.buf());
        try {
            while (!s.inflater.finished()) {
                s.plain.compact();
                s.plain.expand(INFLATE_CHUNK);
                int n = s.inflater.inflate(s.plain.buf());
                s.plain.flip();
                if (n == 0) {
                    if (s.inflater.needsDictionary()) {
                        throw new FramingException("deflate stream asks for a preset dictionary");
                    }
                    if (s.inflater.needsInput()) {
                        break;
                    }
                }
                // Frame as we go, so a small input that inflates hugely never piles up here.
                frames(s.plain.buf(), out);
            }
        } catch (DataFormatException e) {
            throw new FramingException("corrupt deflate stream: " + e.getMessage(), e);
        } finally {
            // Bytes after a finished stream mean nothing; and MINA's buffer is not ours to keep.
            in.position(in.limit());
            s.inflater.setInput(NO_BYTES);
        }
    }

    private void frames(ByteBuffer b, ProtocolDecoderOutput out) throws FramingException {
        while (b.remaining() >= Header.SIZE) {
            int start = b.position();
            Header h = Header.read(b, maxPayload);
            if (b.remaining() < h.payloadLength()) {
                b.position(start);
                return;
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

    @Override
    public void dispose(IoSession session) throws Exception {
        State s = (State) session.removeAttribute(STATE);
        if (s != null && s.inflater != null) {
            s.inflater.end();
        }
        super.dispose(session);
    }
}
