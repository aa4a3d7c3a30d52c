package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second app on the same data folder, or a port another program holds, is recognised before the node starts. */
class StartupChecksTest {
    @TempDir
    Path data;

    @Test
    void onlyOneAppAtATimeHoldsADataFolder() throws Exception {
        Optional<AutoCloseable> first = StartupChecks.lockDataFolder(data);
        assertThat(first).isPresent();
        assertThat(StartupChecks.lockDataFolder(data)).isEmpty();
        first.get().close();
        Optional<AutoCloseable> again = StartupChecks.lockDataFolder(data);
        assertThat(again).isPresent();
        again.get().close();
        assertThat(StartupChecks.lockDataFolder(data.resolve("fresh"))).isPresent().get().satisfies(l -> l.close());
    }

    @Test
    void aPortAnotherProgramListensOnIsTakenAndPortZeroNeverIs() throws Exception {
        InetSocketAddress taken;
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            taken = new InetSocketAddress("127.0.0.1", other.getLocalPort());
            assertThat(StartupChecks.portTaken(taken)).isTrue();
        }
        assertThat(StartupChecks.portTaken(new InetSocketAddress("127.0.0.1", 0))).isFalse();
    }
}
