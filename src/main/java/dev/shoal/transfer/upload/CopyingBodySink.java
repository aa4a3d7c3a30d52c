package dev.shoal.transfer.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** {@link BodySink} through an output stream, with one buffer per connection. Not thread-safe. */
final class CopyingBodySink implements BodySink {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private ByteBuffer buffer;

    CopyingBodySink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void send(Path file, FileChannel channel, long offset, long length) throws IOException {
        if (buffer == null) {
            buffer = ByteBuffer.allocate(BUFFER_BYTES);
        }
        long pos = offset;
        long remaining = length;
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new IOException("shared file shrank while uploading: " + file);
            }
            out.write(buffer.array(), 0, n);
            pos += n;
            remaining -= n;
        }
        out.flush();
    }
}
