package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the host cache was first saved a minute after the node started, so a node killed
 * in its first minute (a crash, a power cut) came back with no host at all and, without
 * bootstrapping, never found the network again (seen in {@code shoal bench churn}: restarted
 * leaves that never linked). The first hosts learnt are saved at the next tick; later changes at
 * most once a minute.
 */
class DiallerSaveTest {
    @TempDir
    Path dir;

    @Test
    void theFirstHostsLearntAreSavedAtOnceAndLaterOnesAtMostOnceAMinute() throws Exception {
        VirtualTime time = new VirtualTime();
        Path file = dir.resolve(HostCache.FILE_NAME);
        HostCache cache = new HostCache(file, 100);
        Dialler dialler = new Dialler(cache, time, a -> new CompletableFuture<>());

        cache.addUltrapeer(new InetSocketAddress("127.0.0.1", 6346), time.currentTimeMillis());
        time.advance(Duration.ofSeconds(1));
        dialler.saveIfDue();

        assertThat(file).exists();
        assertThat(new HostCache(file, 100)).satisfies(c -> {
            c.load();
            assertThat(c.size()).isEqualTo(1);
        });

        cache.addUltrapeer(new InetSocketAddress("127.0.0.1", 6347), time.currentTimeMillis());
        time.advance(Duration.ofSeconds(30));
        dialler.saveIfDue();
        assertThat(Files.readAllLines(file)).noneMatch(l -> l.contains(":6347"));

        time.advance(Duration.ofSeconds(31));
        dialler.saveIfDue();
        assertThat(Files.readAllLines(file)).anyMatch(l -> l.contains(":6347"));
    }
}
