package dev.shoal.transfer.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body sent with {@code Transfer-Encoding: chunked}: each chunk is a hex size line (with
 * optional {@code ;extensions}, ignored) and that many bytes, then CRLF; a size of 0 ends the body,
 * after optional trailer lines and an empty line. Reading stops there, so a connection kept alive
 * is left at the next message.
 *
 * <p>Nothing a peer sends makes it buffer: a size line longer than {@link #MAX_LINE} bytes, a size
 * beyond {@link Integer#MAX_VALUE}, more than {@link #MAX_TRAILER_BYTES} of trailers or a chunk not
 * followed by CRLF is an {@link HttpProtocolException}; the stream ending early is an
 * {@link EOFException}. Closing it does not close the underlying stream. Not thread safe.
 *
 * <p>The JDK keeps its decoder internal and the HTTP libraries tie theirs to their own connection
 * types, while our transfers read plain blocking streams; hence this small reader.
 */
public final class ChunkedInputStream extends InputStream {
    static final int MAX_LINE = 1024;
    static final int MAX_TRAILER_BYTES = 8 * 1024;

    private final InputStream in;
    private long left;
    private boolean done;

    public ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("the stream ended inside a chunk");
        }
        left -= n;
        if (left == 0) {
            expectLineEnd();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : (int) Math.min(left, in.available());
    }

    /** Reads the next size line; false at the last chunk, once its trailers are read. */
    private boolean nextChunk() throws IOException {
        if (done) {
            return false;
        }
        String line = readLine(MAX_LINE, "chunk size line");
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HttpProtocolException(HttpResponse.BAD_ANSWER, "bad chunk size: " + abbreviated(line));
        }
        long size = Long.parseLong(hex, 16);
        if (size > Integer.MAX_VALUE) {
            throw new HttpProtocolException(HttpResponse.BAD_ANSWER, "chunk of " + size + " bytes");
        }
        if (size == 0) {
            skipTrailers();
            done = true;
            return false;
        }
        left = size;
        return true;
    }

    private void skipTrailers() throws IOException {
        int budget = MAX_TRAILER_BYTES;
        String line;
        while (!(line = readLine(budget, "trailer")).isEmpty()) {
            budget -= line.length() + 2;
        }
    }

    private void expectLineEnd() throws IOException {
        if (!readLine(2, "chunk end").isEmpty()) {
            throw new HttpProtocolException(HttpResponse.BAD_ANSWER, "a chunk is longer than its size line says");
        }
    }

    /** A line up to LF (CRLF or bare LF), at most {@code limit} bytes before it. */
    private String readLine(int limit, String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the stream ended inside a " + what);
            }
            if (c == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            if (sb.length() >= limit) {
                throw new HttpProtocolException(HttpResponse.BAD_ANSWER, what + " longer than " + limit + " bytes");
            }
            sb.append((char) c);
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Leaves the underlying stream open: it belongs to the connection. */
    @Override
    public void close() {
        done = true;
        left = 0;
    }
}
