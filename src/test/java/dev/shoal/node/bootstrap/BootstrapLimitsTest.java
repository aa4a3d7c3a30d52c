package dev.shoal.node.bootstrap;

import static dev.shoal.LimitsTable.minutes;
import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;
import static dev.shoal.LimitsTable.size;

import dev.shoal.protocol.GWebCache;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that bootstrapping holds. */
class BootstrapLimitsTest {
    @Test
    void pace() {
        says("Bootstrap pace", "one UDP host cache a " + (Bootstrapper.TICK.equals(Duration.ofSeconds(1)) ? "second" : "?"),
                "gave nothing for " + seconds(Bootstrapper.UHC_WAIT), seconds(Bootstrapper.GWEBCACHE_GAP) + " apart");
        says("Cache rest", "a UDP host cache " + minutes(Bootstrapper.UHC_REST) + " after a ping",
                "a GWebCache " + minutes(Bootstrapper.GWEBCACHE_REST) + " after a request",
                "up to " + Bootstrapper.LONGEST_REST.toHours() + " h");
        says("Caches learnt from caches", Bootstrapper.LEARNT_CACHES + ", asked only on the public network");
    }

    @Test
    void gwebcacheAnswers() {
        says("GWebCache answer", size(GWebCacheClient.MAX_BODY) + " and " + n(GWebCache.MAX_LINES) + " lines read",
                seconds(GWebCacheClient.TIMEOUT) + " allowed");
    }
}
