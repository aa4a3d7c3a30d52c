package dev.shoal.bench;

import dev.shoal.net.HostCache;
import dev.shoal.node.ServentNode;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.NodeListener;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How restarted nodes found the network again: for each, the time from the restart to its first
 * link (it was given no peer, so that link came from its host cache or what it learnt since).
 */
final class Rejoins {
    private final List<Long> millis = new ArrayList<>();
    private int watched;
    private int killedBeforeLink;
    /** Restarted nodes not linked yet, with the time of their restart. */
    private final Map<ServentNode, Long> waiting = new IdentityHashMap<>();

    /** Times {@code node}, restarted at {@code startNanos}, until its first link. */
    void watch(ServentNode node, long startNanos) {
        AtomicBoolean seen = new AtomicBoolean();
        NodeListener first = new NodeListener() {
            @Override
            public void onEvent(NodeEvent e) {
                if (e instanceof NodeEvent.PeerConnected && !seen.getAndSet(true)) {
                    linked(node, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                    node.removeListener(this);
                }
            }
        };
        synchronized (this) {
            watched++;
            waiting.put(node, startNanos);
        }
        node.addListener(first);
        // A link may have come up before the listener was there.
        if (!node.peers().isEmpty() && !seen.getAndSet(true)) {
            linked(node, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            node.removeListener(first);
        }
    }

    synchronized int watched() {
        return watched;
    }

    synchronized int rejoined() {
        return millis.size();
    }

    /** The median and the longest time to the first link, -1 when none rejoined. */
    synchronized long medianMillis() {
        return millis.isEmpty() ? -1 : sorted().get(millis.size() / 2);
    }

    synchronized long maxMillis() {
        return millis.isEmpty() ? -1 : sorted().get(millis.size() - 1);
    }

    private synchronized void linked(ServentNode node, long ms) {
        waiting.remove(node);
        millis.add(ms);
    }

    /** {@code node} is being killed: if it never linked, it is no longer waited for. */
    synchronized void killed(ServentNode node) {
        if (waiting.remove(node) != null) {
            killedBeforeLink++;
        }
    }

    /** Restarted nodes killed again before they had a link. */
    synchronized int killedBeforeLink() {
        return killedBeforeLink;
    }

    /** Restarted nodes, still running, that never got a link: address, role, hosts they saved. */
    synchronized List<String> notLinked() {
        List<String> out = new ArrayList<>();
        long now = System.nanoTime();
        waiting.forEach((n, start) -> out.add(n.listenAddress() + " " + n.role() + " restarted "
                + TimeUnit.NANOSECONDS.toSeconds(now - start) + " s ago, host cache file: " + hostLines(n)));
        return out;
    }

    private static String hostLines(ServentNode n) {
        try {
            return Files.readAllLines(n.config().dataDir().resolve(HostCache.FILE_NAME))
                    .size() - 1 + " hosts";
        } catch (IOException e) {
            return "none (" + e.getClass().getSimpleName() + ")";
        }
    }

    private List<Long> sorted() {
        List<Long> s = new ArrayList<>(millis);
        s.sort(null);
        return s;
    }
}
