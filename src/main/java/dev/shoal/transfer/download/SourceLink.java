package dev.shoal.transfer.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A byte connection to a source, over which HTTP requests go out and answers come back: a socket
 * we dialled, or one the source opened to us in answer to a Push. Reads block; {@link #close()}
 * may be called from another thread to end a blocked read.
 */
public interface SourceLink extends Closeable {
    /** Reads at least one byte into {@code dst} (unless it is full); -1 at end of stream. */
    int read(ByteBuffer dst) throws IOException;

    /** Writes all of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /** Closes the connection; later reads and writes fail. Never throws. */
    @Override
    void close();

    /**
     * A link over blocking streams, such as a connection handed over by the network layer.
     * {@code onClose} runs once, on the first {@link #close()}, and must make a blocked read on
     * {@code in} return.
     */
    static SourceLink of(InputStream in, OutputStream out, Runnable onClose) {
        return new StreamLink(in, out, onClose);
    }
}
