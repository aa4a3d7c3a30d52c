package dev.shoal.cli;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Connects a short-lived node to the peers given on the command line. */
final class PeerDialer {
    private static final long CONNECT_SECONDS = 10;

    private PeerDialer() {
    }

    /**
     * {@code config} as a leaf that keeps a link to each of {@code peers}: the user named them
     * all, and with a leaf's usual few ultrapeers the rest would be refused and never asked.
     */
    static NodeConfig leafOf(NodeConfig config, List<InetSocketAddress> peers) {
        return config.toBuilder().role(Role.LEAF)
                .leafUltrapeers(Math.max(config.leafUltrapeers(), peers.size())).build();
    }

    /**
     * Dials every peer at once and waits for them all. Fails with all the reasons when none
     * answers; otherwise warns about the ones that did not and carries on with the rest.
     */
    static void connectAll(ShoalNode node, List<InetSocketAddress> peers, PrintWriter err)
            throws InterruptedException {
        List<CompletableFuture<?>> attempts = new ArrayList<>();
        for (InetSocketAddress peer : peers) {
            attempts.add(node.connect(peer));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            try {
                attempts.get(i).get(CONNECT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause().getMessage());
            } catch (TimeoutException e) {
                failures.add(timedOut(peers.get(i)));
            }
        }
        if (failures.size() == peers.size()) {
            throw new ShoalException(String.join("; ", failures));
        }
        for (String failure : failures) {
            err.println("shoal: " + failure);
        }
        err.flush();
    }

    /**
     * Dials every peer at once and returns as soon as one is connected, so that the caller goes on
     * without waiting for slower ones; each peer that cannot be reached is warned about in a line
     * of its own. Fails with all the reasons when none connects.
     */
    static void connectFirst(ShoalNode node, List<InetSocketAddress> peers, PrintWriter err)
            throws InterruptedException {
        Dialling dialling = new Dialling(peers.size(), err);
        for (InetSocketAddress peer : peers) {
            node.connect(peer).orTimeout(CONNECT_SECONDS, TimeUnit.SECONDS).whenCompleteAsync((info, e) -> {
                if (e == null) {
                    dialling.first.complete(null);
                } else {
                    dialling.failed(reason(e, peer));
                }
            });
        }
        try {
            dialling.first.get();
        } catch (ExecutionException e) {
            throw (ShoalException) e.getCause();
        }
        dialling.reportFromNowOn();
    }

    /** The failures of one {@link #connectFirst}: held back until one peer answers, then told as they come. */
    private static final class Dialling {
        final CompletableFuture<Void> first = new CompletableFuture<>();
        private final int peers;
        private final PrintWriter err;
        private final List<String> failures = new ArrayList<>();
        private boolean reporting;

        Dialling(int peers, PrintWriter err) {
            this.peers = peers;
            this.err = err;
        }

        synchronized void failed(String why) {
            failures.add(why);
            if (reporting) {
                warn(List.of(why));
            } else if (failures.size() == peers) {
                first.completeExceptionally(new ShoalException(String.join("; ", failures)));
            }
        }

        synchronized void reportFromNowOn() {
            reporting = true;
            warn(failures);
        }

        private void warn(List<String> reasons) {
            for (String reason : reasons) {
                err.println("shoal: " + reason);
            }
            err.flush();
        }
    }

    private static String reason(Throwable e, InetSocketAddress peer) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException ? timedOut(peer) : cause.getMessage();
    }

    private static String timedOut(InetSocketAddress peer) {
        return "timed out connecting to " + HostPort.format(peer);
    }
}
