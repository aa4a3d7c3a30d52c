package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.ConnectBack;
import dev.shoal.time.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * As an ultrapeer, answers BEAR/7 TCP connect-back requests: connects to the port asked, at the
 * address of the link that asked (never anywhere else, so nobody can aim us at a third host), says
 * {@link ConnectBack#PROBE} and closes. Bounded so a request can never be a lever: one answer per
 * link, at most {@link #PER_MINUTE} a minute in all (by the injected clock), at most
 * {@link #CONCURRENT} at once, each given {@link #TIMEOUT} to connect.
 */
final class ConnectBackAnswerer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectBackAnswerer.class);
    static final int PER_MINUTE = 30;
    static final int CONCURRENT = 2;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final PerMinute perMinute;
    private final Map<Connection, Boolean> answered = Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, CONCURRENT, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), NodeThreads.daemons("shoal-connect-back"));
    private final AtomicLong granted = new AtomicLong();

    ConnectBackAnswerer(Clock clock) {
        this.perMinute = new PerMinute(clock, PER_MINUTE);
    }

    /** Answers {@code from}'s request for a connection to {@code port}, if the bounds allow; returns at once. */
    void answer(Connection from, int port) {
        if (answered.putIfAbsent(from, Boolean.TRUE) != null) {
            log.debug("{} asked to be connected back twice; once is enough", from.remoteAddress());
            return;
        }
        if (!perMinute.take()) {
            log.info("too many connect-back requests this minute; ignoring {}", from.remoteAddress());
            return;
        }
        granted.incrementAndGet();
        InetSocketAddress target = new InetSocketAddress(from.remoteAddress().getAddress(), port);
        try {
            threads.execute(() -> probe(target));
        } catch (RejectedExecutionException e) {
            log.info("connect-backs busy; ignoring {}", from.remoteAddress());
        }
    }

    /** Requests that passed the bounds: those we set out to answer. */
    long granted() {
        return granted.get();
    }

    private static void probe(InetSocketAddress target) {
        try (Socket s = new Socket()) {
            s.connect(target, (int) TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(ConnectBack.PROBE.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            log.debug("connected back to {}", target);
        } catch (IOException e) {
            log.debug("could not connect back to {}: {}", target, e.getMessage());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
