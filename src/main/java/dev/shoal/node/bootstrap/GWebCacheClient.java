package dev.shoal.node.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * GETs GWebCache answers with the JDK's HTTP client (no library needed for one plain GET): no
 * redirects followed (a cache must not send us elsewhere), at most {@link #MAX_BODY} bytes read,
 * {@link #TIMEOUT} for the whole request. Its threads are daemons of its own; {@link #close()} ends them.
 *
 * <p>The JDK client is made at the first request, not before: its selector thread waits in native
 * code until the client is collected, and the JVM gives such a thread 300 ms to stop when it exits,
 * so a node that never asks a cache (every {@code shoal get} with {@code --peer}) would take that
 * much longer to end.
 */
public final class GWebCacheClient implements AutoCloseable {
    /** Real answers are a few KiB; more is not a cache. */
    static final int MAX_BODY = 64 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "shoal-gwebcache");
        t.setDaemon(true);
        return t;
    });
    private final String userAgent;
    private HttpClient http;

    public GWebCacheClient(String userAgent) {
        this.userAgent = userAgent;
    }

    /** The answer's text, or a failure for anything but a 200. */
    public CompletableFuture<String> get(URI request) {
        HttpRequest r = HttpRequest.newBuilder(request).timeout(TIMEOUT).header("User-Agent", userAgent).GET().build();
        return client().sendAsync(r, HttpResponse.BodyHandlers.ofInputStream()).thenApplyAsync(response -> {
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return new String(body.readNBytes(MAX_BODY), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, threads);
    }

    /** Whether the JDK client (and its selector thread) exists yet. */
    synchronized boolean started() {
        return http != null;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().executor(threads).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    /** Runs blocking work (looking a cache's name up) on this client's threads. */
    public CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, threads);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
