package dev.shoal.node;

import dev.shoal.net.DropReason;
import dev.shoal.protocol.Giv;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Push;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a Push: a downloader that cannot reach us asks us to connect to it. We dial the address
 * in the Push, announce the file with {@code GIV <index>:<servent id hex>/<name>}, then serve that
 * socket's HTTP requests exactly as if the downloader had connected to us.
 */
final class PushUploader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushUploader.class);
    /** Callbacks served at once; more pushes wait, a flood of them cannot exhaust threads. */
    static final int MAX_CONCURRENT = 8;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** The HTTP side: serves requests read from {@code in} until the connection ends. */
    interface Server {
        void serve(InputStream in, OutputStream out, InetSocketAddress remote) throws IOException;
    }

    /** The name announced for a file index, or null when we do not share it. */
    interface Names {
        String nameOf(long index);
    }

    private final Guid serventId;
    private final Names names;
    private final Server server;
    private final Semaphore permits = new Semaphore(MAX_CONCURRENT);
    /** Exactly as many threads as permits (and a spare, as a permit is given back before its thread), no queue. */
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, MAX_CONCURRENT + 1, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), NodeThreads.daemons("shoal-push-upload"));

    PushUploader(Guid serventId, Names names, Server server) {
        this.serventId = serventId;
        this.names = names;
        this.server = server;
    }

    /** Handles a Push addressed to us; returns at once, with why it was dropped when it was. */
    Optional<DropReason> onPush(Push push) {
        String name = names.nameOf(push.fileIndex());
        if (name == null) {
            log.debug("push for unknown file index {} from {}", push.fileIndex(), push.address());
            return Optional.of(DropReason.PUSH_UNKNOWN_FILE);
        }
        if (!permits.tryAcquire()) {
            log.debug("too many push callbacks running; ignoring push from {}", push.address());
            return Optional.of(DropReason.PUSH_CALLBACKS_FULL);
        }
        try {
            threads.execute(() -> {
                try {
                    callBack(push.address(), push.fileIndex(), name);
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            log.debug("no thread for a push callback; ignoring push from {}", push.address());
            return Optional.of(DropReason.PUSH_CALLBACKS_FULL);
        }
        return Optional.empty();
    }

    static String givLine(long index, Guid serventId, String name) {
        return new Giv(index, serventId, name).toWire();
    }

    private void callBack(InetSocketAddress to, long index, String name) {
        try (Socket socket = new Socket()) {
            socket.connect(to, (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(givLine(index, serventId, name).getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.serve(socket.getInputStream(), out, to);
        } catch (IOException e) {
            log.info("push callback to {} failed: {}", to, e.getMessage());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
