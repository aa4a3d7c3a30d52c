package dev.shoal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A GWebCache on 127.0.0.1 for tests: every GET to its path is answered 200 with the current body
 * (lines such as {@code H|127.0.0.1:6346|10}), and its query string is kept. Nothing public is
 * ever asked: tests hand its {@link #url()} to {@code --gwebcache} or the bootstrap settings.
 */
public final class FakeGWebCache implements AutoCloseable {
    private final HttpServer server;
    private final String path;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private FakeGWebCache(String path, Supplier<String> body) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            requests.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] bytes = body.get().getBytes(StandardCharsets.ISO_8859_1);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A cache at {@code path} answering {@code body} to every request. */
    public static FakeGWebCache serving(String path, String body) {
        return new FakeGWebCache(path, () -> body);
    }

    /** A cache at {@code path} answering whatever {@code body} gives at the time of each request. */
    public static FakeGWebCache serving(String path, Supplier<String> body) {
        return new FakeGWebCache(path, body);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The query strings asked so far ({@code "null"} for none), in order. */
    public List<String> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
