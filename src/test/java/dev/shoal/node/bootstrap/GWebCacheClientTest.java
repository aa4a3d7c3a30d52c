package dev.shoal.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.FakeGWebCache;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GWebCacheClientTest {
    /**
     * Regression: the JDK client was made with the node, and its selector thread, waiting in native
     * code, held every exiting JVM for 300 ms ({@code shoal get}'s end, timed by its bench).
     */
    @Test
    void aClientNeverAskedStartsNoSelectorThread() {
        long before = selectorThreads();
        try (GWebCacheClient client = new GWebCacheClient("Shoal/test")) {
            assertThat(client.started()).isFalse();
            assertThat(selectorThreads()).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void theFirstRequestStartsItAndGetsTheAnswer() throws Exception {
        FakeGWebCache cache = FakeGWebCache.serving("/", "H|127.0.0.1:6346|10\n");
        try (GWebCacheClient client = new GWebCacheClient("Shoal/test")) {
            URI uri = URI.create(cache.url() + "?get=1");
            assertThat(client.get(uri).get(10, TimeUnit.SECONDS)).isEqualTo("H|127.0.0.1:6346|10\n");
            assertThat(client.started()).isTrue();
        } finally {
            cache.close();
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }
}
