package dev.shoal.node;

import dev.shoal.node.api.DownloadSource;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.SourceProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the hosts a user named for a download, by HEAD, whether they hold the file, while its hash
 * query is still on its way: a host that does becomes a source at once, and one that also names
 * the file (or a download whose link named it) can start before any hit has come back. The
 * requests block, so they run on a few threads of their own, at most {@link #MAX_HOSTS} hosts
 * per download.
 */
final class DirectSources implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectSources.class);
    static final int MAX_HOSTS = 8;
    static final int THREADS = 4;
    static final int QUEUED = 64;

    /** Asks one host; {@link SourceProbe#ask} but in tests. */
    @FunctionalInterface
    interface Prober {
        Optional<SourceProbe.Answer> ask(InetSocketAddress host, Urn urn) throws IOException;
    }

    private final Prober prober;
    private final ThreadPoolExecutor threads;

    DirectSources(Prober prober) {
        this.prober = prober;
        this.threads = NodeThreads.bounded("shoal-direct-source", THREADS, QUEUED);
    }

    /** Asks each of {@code hosts} (the first {@link #MAX_HOSTS}) about {@code d}'s file; found ones join it. */
    void ask(ManagedDownload d, List<InetSocketAddress> hosts) {
        for (InetSocketAddress host : hosts.subList(0, Math.min(hosts.size(), MAX_HOSTS))) {
            try {
                threads.execute(() -> askOne(d, host));
            } catch (RejectedExecutionException e) {
                // Busy with other downloads' hosts: this one's hash query still finds it.
                log.debug("not asking {} directly: {} hosts waiting", HostPort.format(host), QUEUED);
            }
        }
    }

    private void askOne(ManagedDownload d, InetSocketAddress host) {
        Optional<SourceProbe.Answer> answer;
        try {
            answer = prober.ask(host, d.urn());
        } catch (IOException e) {
            log.debug("{} could not be asked for {}: {}", HostPort.format(host), d.urn(), e.toString());
            return;
        }
        if (answer.isEmpty()) {
            log.debug("{} does not serve {}", HostPort.format(host), d.urn());
            return;
        }
        String name = answer.get().name().orElse("");
        d.addSource(new DownloadSource(host.getAddress().getHostAddress(), host.getPort(), -1, name));
        // A size without a name would fix the file's name to its URN: then the hits name it.
        if (!name.isEmpty() || d.named()) {
            d.learn(name, answer.get().size());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
