package dev.shoal.transfer.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one HTTP message head (start line + headers up to the empty line) from a stream, byte by
 * byte, so the caller's stream is left positioned at the first body byte. Pass a buffered stream.
 *
 * <p>Every limit is checked before more memory is taken, so a hostile peer can make us allocate at
 * most {@link #MAX_START_LINE} + {@link #MAX_HEADER_BYTES} bytes. Lines end in CRLF; a bare LF is
 * accepted (old servents send it), a bare CR or a NUL byte is not. Bytes are read as ISO-8859-1.
 */
public final class HttpHeadReader {
    static final int MAX_START_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    /** Empty lines tolerated before the start line (keep-alive clients may send a stray CRLF). */
    private static final int MAX_LEADING_EMPTY_LINES = 4;

    private HttpHeadReader() {
    }

    /**
     * Returns the head, or {@code null} when the stream ends cleanly before its first byte.
     *
     * @throws HttpProtocolException 414 for an over-long start line, 431 for too many or too large
     *     headers, 400 for malformed bytes
     * @throws EOFException when the stream ends inside the head
     */
    public static HttpHead read(InputStream in) throws IOException {
        String startLine = null;
        for (int i = 0; i <= MAX_LEADING_EMPTY_LINES && (startLine == null || startLine.isEmpty()); i++) {
            startLine = readLine(in, MAX_START_LINE, 414, i == 0);
            if (startLine == null) {
                return null;
            }
        }
        if (startLine.isEmpty()) {
            throw new HttpProtocolException(400, "no start line");
        }
        List<HttpHeader> headers = new ArrayList<>();
        int budget = MAX_HEADER_BYTES;
        while (true) {
            String line = readLine(in, budget, 431, false);
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                return new HttpHead(startLine, headers);
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                // Obsolete line folding: the line continues the previous header's value.
                if (headers.isEmpty()) {
                    throw new HttpProtocolException(400, "continuation line without a header");
                }
                HttpHeader last = headers.remove(headers.size() - 1);
                headers.add(new HttpHeader(last.name(), last.value() + " " + line.trim()));
                continue;
            }
            if (headers.size() == MAX_HEADERS) {
                throw new HttpProtocolException(431, "more than " + MAX_HEADERS + " headers");
            }
            headers.add(parseHeader(line));
        }
    }

    private static HttpHeader parseHeader(String line) throws HttpProtocolException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpProtocolException(400, "header line without a name");
        }
        String name = line.substring(0, colon);
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new HttpProtocolException(400, "bad character in header name");
            }
        }
        return new HttpHeader(name, line.substring(colon + 1).trim());
    }

    static boolean isTokenChar(char c) {
        if (c <= 32 || c >= 127) {
            return false;
        }
        return "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /**
     * Reads up to LF. Returns null on EOF before the first byte only if {@code eofOk}; otherwise
     * EOF is an {@link EOFException}. A line longer than {@code limit} bytes fails with
     * {@code overflowStatus}.
     */
    private static String readLine(InputStream in, int limit, int overflowStatus, boolean eofOk)
            throws IOException {
        byte[] buf = new byte[Math.min(limit, 256)];
        int n = 0;
        boolean sawCr = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0 && !sawCr && eofOk) {
                    return null;
                }
                throw new EOFException("stream ended inside the message head");
            }
            if (b == '\n') {
                return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (sawCr) {
                throw new HttpProtocolException(400, "bare CR in message head");
            }
            if (b == '\r') {
                sawCr = true;
                continue;
            }
            if (b == 0) {
                throw new HttpProtocolException(400, "NUL byte in message head");
            }
            if (n + 3 > limit) { // this byte, then CRLF
                throw new HttpProtocolException(overflowStatus, "line longer than " + limit + " bytes");
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(limit, buf.length * 2));
            }
            buf[n++] = (byte) b;
        }
    }
}
