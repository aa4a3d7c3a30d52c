package dev.shoal.bench;

import dev.shoal.node.api.NodeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The node the capacity bench fills with connections, alone in its own JVM so that its heap is all
 * that is measured: {@code CapacityTarget DATA_DIR SHARE_DIR CONNECTIONS HANDSHAKE_SECONDS} is the
 * flood bench's ultrapeer ({@link FloodTarget}, same commands) with room made by config for the
 * bench: {@code CONNECTIONS} more leaf slots than the default, as many sockets allowed in their
 * handshake at once (512 by default), and the handshake timeout that reaps idle and trickling
 * sockets set to {@code HANDSHAKE_SECONDS} (10 s by default) so they are still there when measured.
 * Each address keeps its default share (8 sockets in their handshake, a quarter of the links).
 */
public final class CapacityTarget {
    private CapacityTarget() {
    }

    public static void main(String[] args) throws IOException {
        int connections = Integer.parseInt(args[2]);
        Duration handshake = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration keepAlive = Duration.ofSeconds(Long.parseLong(args[4]));
        FloodTarget.serve(config(Path.of(args[0]), Path.of(args[1]), connections, handshake, keepAlive));
    }

    static NodeConfig config(Path data, Path share, int connections, Duration handshake, Duration keepAlive) {
        NodeConfig base = FloodTarget.config(data, share);
        return base.toBuilder()
                .maxLeaves(base.maxLeaves() + connections)
                .keepAlive(keepAlive)
                .tuning(base.tuning().toBuilder()
                        .handshakingSockets(Math.max(base.tuning().handshakingSockets(), connections + 64))
                        .handshakeTimeout(handshake)
                        .build())
                .build();
    }
}
