package dev.shoal.transfer.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A byte-level HTTP client for checking exactly what the upload handler answers. */
final class RawHttp {
    private RawHttp() {
    }

    /** A response split into status line, header lines and body. */
    record Response(String statusLine, List<String> headerLines, byte[] body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            for (String h : headerLines) {
                int colon = h.indexOf(':');
                if (h.substring(0, colon).equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code request}, reads until the server closes, and returns every byte received. */
    static byte[] exchange(InetSocketAddress address, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            s.shutdownOutput();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            } catch (SocketException reset) {
                // a reset after the answer still leaves what was read
            }
            return out.toByteArray();
        }
    }

    static byte[] exchange(InetSocketAddress address, String request) throws IOException {
        return exchange(address, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Splits consecutive responses; a body's length is taken from Content-Length. */
    static List<Response> parseAll(byte[] bytes) {
        List<Response> out = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (end < 0) {
                throw new AssertionError("incomplete head: "
                        + new String(bytes, pos, bytes.length - pos, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1).split("\r\n");
            Response head = new Response(lines[0], List.of(Arrays.copyOfRange(lines, 1, lines.length)), new byte[0]);
            int length = head.header("Content-Length") == null ? 0 : Integer.parseInt(head.header("Content-Length"));
            int bodyStart = end + 4;
            int bodyEnd = Math.min(bytes.length, bodyStart + length);
            out.add(new Response(head.statusLine(), head.headerLines(),
                    Arrays.copyOfRange(bytes, bodyStart, bodyEnd)));
            pos = bodyEnd;
        }
        return out;
    }

    static Response one(byte[] bytes) {
        List<Response> all = parseAll(bytes);
        if (all.size() != 1) {
            throw new AssertionError("expected one response, got " + all.size());
        }
        return all.get(0);
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
