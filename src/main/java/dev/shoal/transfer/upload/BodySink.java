package dev.shoal.transfer.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Where an upload's body goes once its head is written: copied from the file through the
 * connection's output stream ({@link #copying}), or handed to the network layer, which can send
 * it straight from the file without copying it through the heap.
 */
@FunctionalInterface
public interface BodySink {
    /**
     * Sends {@code length} bytes of {@code file}, open as {@code channel}, from {@code offset}, after
     * anything written to the connection before; returns once they are written.
     */
    void send(Path file, FileChannel channel, long offset, long length) throws IOException;

    /** Reads the file into a buffer of its own and writes it to {@code out}. */
    static BodySink copying(OutputStream out) {
        return new CopyingBodySink(out);
    }
}
