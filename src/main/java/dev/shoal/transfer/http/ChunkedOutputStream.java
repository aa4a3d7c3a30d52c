package dev.shoal.transfer.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a body with {@code Transfer-Encoding: chunked}: every {@code write} of bytes becomes one
 * chunk (put a buffer above this stream to make chunks of a useful size), and {@link #close()}
 * sends the last, empty chunk and flushes, leaving the connection open for the next message.
 */
public final class ChunkedOutputStream extends FilterOutputStream {
    private boolean closed;

    public ChunkedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("chunked body already ended");
        }
        if (len == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write('\r');
        out.write('\n');
    }

    /** Ends the body (a zero-size chunk, no trailers) and flushes; the connection stays open. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
