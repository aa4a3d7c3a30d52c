package dev.shoal.transfer.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link SourceLink} over blocking streams; bytes pass through a small heap buffer. */
final class StreamLink implements SourceLink {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private byte[] scratch;

    StreamLink(InputStream in, OutputStream out, Runnable onClose) {
        this.in = in;
        this.out = out;
        this.onClose = onClose;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (dst.hasArray()) {
            int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] b = scratch();
        int n = in.read(b, 0, Math.min(b.length, dst.remaining()));
        if (n > 0) {
            dst.put(b, 0, n);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        ensureOpen();
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
        } else {
            byte[] b = scratch();
            while (src.hasRemaining()) {
                int n = Math.min(b.length, src.remaining());
                src.get(b, 0, n);
                out.write(b, 0, n);
            }
        }
        out.flush();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed.get()) {
            throw new IOException("link closed");
        }
    }

    private byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[BUFFER];
        }
        return scratch;
    }
}
