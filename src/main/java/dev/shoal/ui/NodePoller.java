package dev.shoal.ui;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.ShoalNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the node once a second on its own thread (peers, traffic, rates, transfers, drops) and gives
 * each snapshot to the panels on the EDT. Events say when something changes; polling supplies
 * what has no event, such as message counters and byte totals.
 */
final class NodePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodePoller.class);

    private final ShoalNode node;
    private final List<Consumer<NodeSnapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shoal-ui-poller");
        t.setDaemon(true);
        return t;
    });

    NodePoller(ShoalNode node) {
        this.node = node;
    }

    void start() {
        timer.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    void subscribe(Consumer<NodeSnapshot> subscriber) {
        subscribers.add(subscriber);
    }

    void unsubscribe(Consumer<NodeSnapshot> subscriber) {
        subscribers.remove(subscriber);
    }

    /** Takes a snapshot now instead of at the next tick, after a user action changed something. */
    void pollSoon() {
        timer.execute(this::poll);
    }

    private void poll() {
        try {
            List<DownloadInfo> downloads = new ArrayList<>();
            for (Download d : node.downloads()) {
                downloads.add(d.info());
            }
            NodeSnapshot s = new NodeSnapshot(Instant.now(), System.nanoTime(), node.peers(), node.traffic(),
                    node.uploadRate(), node.downloadRate(), downloads, node.uploads(), node.stats(), node.role(),
                    node.reach(), node.bootstrapStatus(), node.udpTraffic());
            SwingUtilities.invokeLater(() -> subscribers.forEach(c -> c.accept(s)));
        } catch (RuntimeException e) {
            // A node closing under us is expected at shutdown; keep ticking otherwise.
            log.debug("polling the node failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
