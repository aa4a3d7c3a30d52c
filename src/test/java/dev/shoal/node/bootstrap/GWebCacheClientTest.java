package dev.shoal.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        HttpServer cache = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cache.createContext("/", exchange -> {
            byte[] body = "H|127.0.0.1:6346|10\n".getBytes(StandardCharsets.ISO_8859_1);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cache.start();
        try (GWebCacheClient client = new GWebCacheClient("Shoal/test")) {
            URI uri = URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/?get=1");
            assertThat(client.get(uri).get(10, TimeUnit.SECONDS)).isEqualTo("H|127.0.0.1:6346|10\n");
            assertThat(client.started()).isTrue();
        } finally {
            cache.stop(0);
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }
}
