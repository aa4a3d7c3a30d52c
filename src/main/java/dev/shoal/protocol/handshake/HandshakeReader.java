package dev.shoal.protocol.handshake;

import dev.shoal.protocol.FramingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Assembles one handshake step from bytes that arrive in pieces. Lines end in CRLF or a bare LF;
 * a line starting with a space or tab continues the previous header (gtk-gnutella accepts them,
 * so we do too). The block ends at the first empty line; bytes after it are left in the buffer,
 * because binary messages (possibly compressed) may follow in the same read.
 *
 * <p>Limits protect the servent from a peer that never ends its block: more than
 * {@code maxHeaders} header lines, a line longer than {@code maxLine} characters, or a block
 * longer than {@link #MAX_BLOCK} bytes in all (continuation lines do not count as headers, so
 * without this an endless run of them would grow one header without bound) is a
 * {@link FramingException}. After a message is returned the reader starts over, ready for the
 * next step. This class is not thread safe.
 */
public final class HandshakeReader {
    public static final int MAX_HEADERS = 64;
    public static final int MAX_LINE = 4096;
    /** Bytes in one step, line ends included; real ones are one to three kilobytes. */
    public static final int MAX_BLOCK = 32 * 1024;

    private final int maxHeaders;
    private final int maxLine;
    private final StringBuilder line = new StringBuilder();
    private String firstLine;
    private HandshakeHeaders.Builder headers = HandshakeHeaders.builder();
    private int headerLines;
    private int blockBytes;

    public HandshakeReader() {
        this(MAX_HEADERS, MAX_LINE);
    }

    public HandshakeReader(int maxHeaders, int maxLine) {
        if (maxHeaders < 1 || maxLine < 16) {
            throw new IllegalArgumentException("limits too small: " + maxHeaders + " headers, " + maxLine + " chars");
        }
        this.maxHeaders = maxHeaders;
        this.maxLine = maxLine;
    }

    /** Parses a complete block held in {@code bytes}; trailing bytes after it are ignored. */
    public static HandshakeMessage parse(byte[] bytes) throws FramingException {
        return new HandshakeReader().feed(ByteBuffer.wrap(bytes))
                .orElseThrow(() -> new FramingException("handshake block is not terminated by an empty line"));
    }

    /**
     * Consumes bytes from {@code in} up to the end of the current block. Returns the step once
     * its empty line has been read, else empty with all of {@code in} consumed.
     */
    public Optional<HandshakeMessage> feed(ByteBuffer in) throws FramingException {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xFF);
            if (++blockBytes > MAX_BLOCK) {
                throw new FramingException("handshake longer than " + MAX_BLOCK + " bytes");
            }
            if (c != '\n') {
                if (line.length() > maxLine) {
                    throw new FramingException("handshake line longer than " + maxLine + " characters");
                }
                line.append(c);
                continue;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            if (end > maxLine) {
                throw new FramingException("handshake line longer than " + maxLine + " characters");
            }
            String text = line.substring(0, end);
            line.setLength(0);
            Optional<HandshakeMessage> done = onLine(text);
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }

    private Optional<HandshakeMessage> onLine(String text) throws FramingException {
        if (firstLine == null) {
            if (text.indexOf('\r') >= 0) {
                throw new FramingException("carriage return inside the first line: " + StatusLine.abbreviate(text));
            }
            if (!text.isEmpty()) {
                firstLine = text.trim();
            }
            return Optional.empty();
        }
        if (text.isEmpty()) {
            HandshakeMessage message = new HandshakeMessage(firstLine, headers.build());
            firstLine = null;
            headers = HandshakeHeaders.builder();
            headerLines = 0;
            blockBytes = 0;
            return Optional.of(message);
        }
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            if (headers.size() == 0) {
                throw new FramingException("continuation line before any header");
            }
            headers.continueLast(text);
            return Optional.empty();
        }
        if (++headerLines > maxHeaders) {
            throw new FramingException("more than " + maxHeaders + " handshake headers");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new FramingException("malformed handshake header: " + StatusLine.abbreviate(text));
        }
        try {
            headers.add(text.substring(0, colon).trim(), text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new FramingException("malformed handshake header: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The first line in {@code in} without consuming anything, or empty if its end has not
     * arrived yet. Used to tell a Gnutella handshake from HTTP on the shared port.
     */
    public static Optional<String> peekFirstLine(ByteBuffer in, int maxLine) throws FramingException {
        int limit = Math.min(in.limit(), in.position() + maxLine + 2);
        for (int i = in.position(); i < limit; i++) {
            if (in.get(i) == '\n') {
                int end = i;
                if (end > in.position() && in.get(end - 1) == '\r') {
                    end--;
                }
                byte[] bytes = new byte[end - in.position()];
                in.duplicate().get(bytes);
                return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        if (in.remaining() > maxLine + 1) {
            throw new FramingException("first line longer than " + maxLine + " characters");
        }
        return Optional.empty();
    }
}
