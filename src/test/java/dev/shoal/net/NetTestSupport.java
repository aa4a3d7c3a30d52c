package dev.shoal.net;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.time.ExecutorScheduler;
import dev.shoal.time.Scheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts managers on 127.0.0.1 port 0 with their own data dirs and stops them after each test.
 * Their timers run on real time unless a test passes a {@link dev.shoal.time.VirtualTime}.
 */
abstract class NetTestSupport {
    @TempDir
    Path tmp;

    private final List<ConnectionManager> managers = new ArrayList<>();
    private final ExecutorScheduler realTime = new ExecutorScheduler("test-net-timer");

    NetConfig config(String name) {
        return ConfigViews.net(NodeConfig.defaults(tmp.resolve(name)))
                .withListenAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withOutgoingTarget(0)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /**
     * The config with no per-address shares nor connect-rate ban worth the name: for tests whose
     * many peers all come from 127.0.0.1 but stand for different hosts.
     */
    static NetConfig oneAddressForAll(NetConfig c) {
        return c.withPeerLimits(c.peerLimits().oneAddressForAll());
    }

    ConnectionManager start(NetConfig config, ConnectionListener listener) throws IOException {
        return start(config, listener, realTime);
    }

    ConnectionManager start(NetConfig config, ConnectionListener listener, Scheduler scheduler) throws IOException {
        ConnectionManager m = new ConnectionManager(config, listener, scheduler);
        managers.add(m);
        m.bind();
        return m;
    }

    InetSocketAddress address(ConnectionManager m) {
        return m.localAddress().orElseThrow();
    }

    @AfterEach
    void stopAll() {
        for (ConnectionManager m : managers) {
            m.shutdown();
        }
        realTime.close();
    }
}
