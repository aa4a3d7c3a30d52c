package dev.shoal.cli;

import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Connects a short-lived node to the peers given on the command line. */
final class PeerDialer {
    private static final long CONNECT_SECONDS = 10;

    private PeerDialer() {
    }

    /**
     * Dials every peer at once. Fails with all the reasons when none answers; otherwise warns about
     * the ones that did not and carries on with the rest.
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
                failures.add("timed out connecting to " + HostPort.format(peers.get(i)));
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
}
