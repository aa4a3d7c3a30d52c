package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.RangeRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like gtk-gnutella did in the captures: every answer is a 206 for at most {@code cap}
 * bytes from the start asked (from 0 when no Range is sent), whatever range was requested.
 */
final class CappingServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] data;
    private final Urn urn;
    private final int cap;
    private final AtomicInteger requests = new AtomicInteger();

    CappingServer(byte[] data, Urn urn, int cap) throws IOException {
        this.data = data;
        this.urn = urn;
        this.cap = cap;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "capping-server");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    Source source() {
        return Source.of(address());
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "capping-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // test over
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedInputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            HttpHead head;
            while ((head = HttpHeadReader.read(in)) != null) {
                requests.incrementAndGet();
                long first = head.first("Range").map(r -> RangeRequest.parse(r).resolve(data.length).orElseThrow().first())
                        .orElse(0L);
                long last = Math.min(data.length - 1, first + cap - 1);
                String answer = "HTTP/1.1 206 Partial Content\r\nServer: gtk-gnutella/1.2.3\r\n"
                        + "Content-Range: bytes " + first + "-" + last + "/" + data.length + "\r\n"
                        + "Content-Length: " + (last - first + 1) + "\r\n"
                        + "X-Gnutella-Content-URN: " + urn + "\r\n\r\n";
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.write(data, (int) first, (int) (last - first + 1));
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
