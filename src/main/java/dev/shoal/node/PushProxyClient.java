package dev.shoal.node;

import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.PushProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The downloader's side of a push proxy: {@code HEAD /gnutella/push-proxy?ServerID=...&file=...}
 * with {@code X-Node} set to where the firewalled servent should connect, on a connection of its
 * own. Only the status line is read: 202 means the proxy sent the Push.
 */
final class PushProxyClient {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_STATUS_LINE = 256;

    private PushProxyClient() {
    }

    /** The status code the proxy answered, or -1 when it could not be asked. */
    static int ask(InetSocketAddress proxy, PushProxy.Request request, InetSocketAddress self) {
        try (Socket s = new Socket()) {
            s.connect(proxy, (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            String head = "HEAD " + request.target() + " HTTP/1.1\r\nHost: " + HostPort.format(proxy)
                    + "\r\nX-Node: " + HostPort.format(self) + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusOf(readLine(s.getInputStream()));
        } catch (IOException e) {
            return -1;
        }
    }

    /** The code of a {@code HTTP/1.x nnn reason} line, or -1. */
    static int statusOf(String line) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.length() < MAX_STATUS_LINE) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
