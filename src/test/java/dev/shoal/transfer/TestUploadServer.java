package dev.shoal.transfer;

import dev.shoal.time.ExecutorScheduler;
import dev.shoal.time.Scheduler;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.upload.Bandwidth;
import dev.shoal.transfer.upload.HttpUploadHandler;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.SharedFileLookup;
import dev.shoal.transfer.upload.UploadListener;
import dev.shoal.transfer.upload.UploadSlots;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server running the product's {@link HttpUploadHandler#serve} for each accepted
 * socket, one thread per connection, counting every byte it sends.
 */
public final class TestUploadServer implements AutoCloseable {
    /** The system's clock and timer, for servers that run in real time. */
    public static final ExecutorScheduler SYSTEM_TIME = new ExecutorScheduler("test-upload-time");

    private final ServerSocket server;
    private final HttpUploadHandler handler;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public TestUploadServer(HttpUploadHandler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "test-upload-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TestUploadServer serving(ServedFile... files) throws IOException {
        return serving(new UploadSlots(), 0, files);
    }

    /** Serves {@code files} in real time, sending at most {@code bytesPerSecond} (0: no limit). */
    public static TestUploadServer serving(UploadSlots slots, long bytesPerSecond, ServedFile... files)
            throws IOException {
        return new TestUploadServer(handler(TestFiles.lookup(files), slots, bytesPerSecond, "Shoal-Test/1.0"));
    }

    /** The product's handler, in real time, without listener or mesh. */
    public static HttpUploadHandler handler(SharedFileLookup files, UploadSlots slots, long bytesPerSecond,
            String serverName) {
        return handler(files, slots, bytesPerSecond, SYSTEM_TIME, serverName);
    }

    /** The product's handler on {@code time}'s clock, without listener or mesh. */
    public static HttpUploadHandler handler(SharedFileLookup files, UploadSlots slots, long bytesPerSecond,
            Scheduler time, String serverName) {
        return new HttpUploadHandler(files, slots, new Bandwidth(bytesPerSecond, time), UploadListener.NONE,
                serverName, new AltLocs(), time.clock());
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    public Source source() {
        return Source.of(address());
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public int connections() {
        return connections.get();
    }

    /** Stops accepting and breaks every open connection, as if the process died. */
    public void kill() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            sockets.add(s);
            Thread t = new Thread(() -> serveOne(s), "test-upload-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serveOne(Socket s) {
        try (s) {
            OutputStream counting = new FilterOutputStream(s.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytesSent.addAndGet(len);
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    bytesSent.incrementAndGet();
                }
            };
            handler.serve(s.getInputStream(), counting, (InetSocketAddress) s.getRemoteSocketAddress());
        } catch (IOException e) {
            // the client went away or the test killed us
        } finally {
            sockets.remove(s);
        }
    }
}
