package dev.shoal.net;

import dev.shoal.net.WireMessages.FrameBatch;
import dev.shoal.net.WireMessages.HandshakeOut;
import dev.shoal.protocol.Frame;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

/**
 * Writes handshake steps as text and frame batches as bytes. Once a step that announced
 * {@code Content-Encoding: deflate} is out, every later batch goes through one zlib stream
 * (java.util.zip defaults) and is sync-flushed at its end, so the peer can decode each batch as
 * soon as it arrives. Encoding runs in the writing thread; {@link PeerConnection} writes under
 * its lock so the stream sees batches in queue order.
 */
final class GnutellaEncoder implements ProtocolEncoder {
    private static final AttributeKey DEFLATER = new AttributeKey(GnutellaEncoder.class, "deflater");
    private static final int CHUNK = 8 * 1024;

    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        if (message instanceof HandshakeOut h) {
            out.write(IoBuffer.wrap(h.message().toBytes()));
            if (h.deflateAfter()) {
                session.setAttribute(DEFLATER, new Deflater());
            }
        } else if (message instanceof FrameBatch batch) {
            out.write(encode(session, batch.frames()));
        } else if (message instanceof Frame frame) {
            out.write(encode(session, List.of(frame)));
        } else {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getName());
        }
    }

    private static IoBuffer encode(IoSession session, List<Frame> frames) {
        int size = 0;
        for (Frame f : frames) {
            size += f.size();
        }
        Deflater deflater = (Deflater) session.getAttribute(DEFLATER);
        if (deflater == null) {
            return plain(frames, size).flip();
        }
        synchronized (deflater) {
            deflater.setInput(plain(frames, size).flip().buf());
            // Deflated straight into the buffer that goes out, growing it a chunk at a time.
            IoBuffer packed = IoBuffer.allocate(Math.max(64, size / 2)).setAutoExpand(true);
            int room;
            int n;
            do {
                packed.expand(CHUNK);
                room = packed.remaining();
                n = deflater.deflate(packed.buf(), Deflater.SYNC_FLUSH);
            } while (n == room);
            return packed.flip();
        }
    }

    private static IoBuffer plain(List<Frame> frames, int size) {
        IoBuffer raw = IoBuffer.allocate(size);
        for (Frame f : frames) {
            f.header().writeTo(raw.buf());
            raw.put(f.payload());
        }
        return raw;
    }

    @Override
    public void dispose(IoSession session) {
        Deflater deflater = (Deflater) session.removeAttribute(DEFLATER);
        if (deflater != null) {
            synchronized (deflater) {
                deflater.end();
            }
        }
    }
}
