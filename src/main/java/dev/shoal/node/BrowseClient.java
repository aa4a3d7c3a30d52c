package dev.shoal.node;

import dev.shoal.node.api.Browse;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.QueryHit;
import dev.shoal.time.Scheduler;
import dev.shoal.transfer.browse.BrowseFetch;
import dev.shoal.transfer.download.PushRequester;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SourceLink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our browses of other hosts: each on a thread of the client's own ({@link #MAX_RUNNING} at once,
 * {@link #MAX_WAITING} more in line), over a connection of its own, dialled or, for a firewalled
 * host, opened by the host after our Push. A browse that hears nothing for the read timeout, or
 * runs past {@link Settings#deadline()}, is cut off; both are timed on the node's scheduler.
 */
final class BrowseClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrowseClient.class);
    /** Files taken from one host: as many as gtk-gnutella shows of a browse, and as a search takes. */
    static final int MAX_FILES = SearchResults.MAX_HITS;
    /** Body bytes read from one host, after inflating: 10 000 files take well under 4 MiB. */
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    static final int MAX_RUNNING = 4;
    static final int MAX_WAITING = 16;
    static final Duration DEADLINE = Duration.ofMinutes(10);

    /**
     * @param readTimeout a host silent this long is given up on
     * @param deadline the longest one browse may take
     */
    record Settings(Duration connectTimeout, Duration readTimeout, Duration pushTimeout, Duration deadline,
            int maxPayload, String userAgent) {
    }

    private final Settings settings;
    private final PushRequester pushes;
    private final Scheduler scheduler;
    private final Supplier<SearchResults> results;
    private final ThreadPoolExecutor threads;

    /** @param results a fresh, empty result set for each browse */
    BrowseClient(Settings settings, PushRequester pushes, Scheduler scheduler, Supplier<SearchResults> results) {
        this.settings = settings;
        this.pushes = pushes;
        this.scheduler = scheduler;
        this.results = results;
        this.threads = NodeThreads.bounded("shoal-browse", MAX_RUNNING, MAX_WAITING);
    }

    /** Browses the host at {@code address}, dialling it. */
    Browse direct(InetSocketAddress address, SearchListener listener) {
        return start(new RunningBrowse(address, null, results.get(), listener));
    }

    /** Browses a firewalled host: a Push asks servent {@code serventId} to connect to us. */
    Browse pushed(InetSocketAddress address, Guid serventId, SearchListener listener) {
        return start(new RunningBrowse(address, serventId, results.get(), listener));
    }

    private Browse start(RunningBrowse browse) {
        try {
            threads.execute(() -> run(browse));
        } catch (RejectedExecutionException e) {
            browse.failed(new ShoalException("cannot browse " + browse.host() + ": " + (threads.isShutdown()
                    ? "the node is closing" : "too many browses at once, wait for one to end")));
        }
        return browse;
    }

    private void run(RunningBrowse browse) {
        if (browse.isStopped()) {
            browse.finished(0, false);
            return;
        }
        Scheduler.Cancellable deadline = scheduler.schedule(settings.deadline(), () -> browse.cutOff(
                "it took longer than " + minutes(settings.deadline())));
        String silence = "it sent nothing for " + seconds(settings.readTimeout());
        Scheduler.Cancellable watchdog = scheduler.every(settings.readTimeout(), () -> browse.checkProgress(silence));
        try {
            SourceLink link = open(browse);
            if (!browse.attach(link)) {
                link.close();
                browse.finished(0, false);
                return;
            }
            BrowseFetch.Limits limits = new BrowseFetch.Limits(MAX_FILES, MAX_BODY_BYTES, settings.maxPayload(),
                    MessageHandler.MAX_BAD_MESSAGES);
            BrowseFetch.Outcome outcome = BrowseFetch.run(browse.input(), browse.output(), hostHeader(browse.address()),
                    settings.userAgent(), limits, browse::deliver);
            log.info("browsed {}: {} files{}", browse.host(), outcome.files(), outcome.truncated()
                    ? " (stopped at the limit)" : "");
            browse.finished(outcome.files(), outcome.truncated());
        } catch (IOException | RuntimeException e) {
            browse.ended(e);
        } finally {
            deadline.cancel();
            watchdog.cancel();
            browse.closeLink();
        }
    }

    private SourceLink open(RunningBrowse browse) throws IOException {
        if (browse.serventId() == null) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(browse.address(), (int) settings.connectTimeout().toMillis());
            } catch (IOException e) {
                socket.close();
                throw new ShoalException("cannot connect: " + message(e), e);
            }
            return SourceLink.of(socket.getInputStream(), socket.getOutputStream(), () -> closeQuietly(socket));
        }
        CompletableFuture<SourceLink> pending = pushes.push(new Source(browse.address(), 0, "", browse.serventId(),
                true));
        Scheduler.Cancellable timeout = scheduler.schedule(settings.pushTimeout(), () -> pending.cancel(false));
        browse.onStop(() -> pending.cancel(false));
        try {
            return pending.get();
        } catch (CancellationException e) {
            throw new ShoalException(browse.isStopped() ? "stopped" : "the host did not connect back within "
                    + seconds(settings.pushTimeout()) + " of our Push");
        } catch (ExecutionException e) {
            throw new ShoalException("cannot reach it by Push: " + message(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException("interrupted");
        } finally {
            timeout.cancel();
        }
    }

    private static String hostHeader(InetSocketAddress a) {
        return HostPort.display(a);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : seconds(d);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** One result of a hit as a search hit: from the address we reached, when we dialled it. */
    static SearchHit hitOf(Header header, QueryHit hit, QueryHit.Result r, InetSocketAddress dialled) {
        InetSocketAddress from = dialled != null ? dialled : hit.address();
        String urn = r.urns().stream().findFirst().map(Object::toString).orElse("");
        return new SearchHit(r.name(), r.size(), urn, from.getAddress().getHostAddress(), from.getPort(), r.index(),
                header.hops(), hit.serventId().toHex(), hit.vendor() == null ? "" : hit.vendor(), dialled == null);
    }
}
