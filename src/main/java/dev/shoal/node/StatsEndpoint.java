package dev.shoal.node;

import dev.shoal.json.JsonLine;
import dev.shoal.net.HttpSession;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A running node's {@link NodeStats} over HTTP on its own port, for {@code shoal stats --peer}:
 * {@code GET /shoal/stats} is answered to loopback clients only (anyone else gets 403, so a node
 * never tells strangers how it defends itself) with one JSON line of the node's sockets, then one
 * line per drop reason. {@link #fetch} is the client side.
 */
final class StatsEndpoint {
    static final String PATH = "/shoal/stats";
    private static final int MAX_HEAD = 16 * 1024;

    private StatsEndpoint() {
    }

    /** True for a request line that asks for the stats. */
    static boolean wants(String firstLine) {
        return firstLine.startsWith("GET " + PATH + " ") || firstLine.startsWith("GET " + PATH + "?");
    }

    static void serve(HttpSession session, Supplier<NodeStats> stats) throws IOException {
        skipHead(session.in());
        String status;
        String body;
        if (session.remoteAddress().getAddress().isLoopbackAddress()) {
            status = "200 OK";
            body = String.join("\n", lines(stats.get())) + "\n";
        } else {
            status = "403 Forbidden";
            body = "";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n";
        session.out().write(head.getBytes(StandardCharsets.US_ASCII));
        session.out().write(bytes);
        session.out().flush();
    }

    /** Reads to the empty line that ends the request head, so closing does not reset the connection. */
    private static void skipHead(InputStream in) throws IOException {
        int lineLength = 0;
        for (int i = 0; i < MAX_HEAD; i++) {
            int b = in.read();
            if (b < 0 || (b == '\n' && lineLength == 0)) {
                return;
            }
            lineLength = b == '\n' ? 0 : b == '\r' ? lineLength : lineLength + 1;
        }
    }

    /** The wire form: gauges first, then {@code reason}, {@code group}, {@code description}, {@code count}. */
    static List<String> lines(NodeStats s) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> gauges = new LinkedHashMap<>();
        gauges.put("links", s.links());
        gauges.put("handshaking", s.handshaking());
        gauges.put("http_sessions", s.httpSessions());
        gauges.put("banned_addresses", s.bannedAddresses());
        lines.add(JsonLine.of(gauges));
        for (NodeStats.Drop d : s.drops()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", d.reason());
            fields.put("group", d.group());
            fields.put("description", d.description());
            fields.put("count", d.count());
            lines.add(JsonLine.of(fields));
        }
        return lines;
    }

    static NodeStats parse(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no stats in the answer");
        }
        Map<String, Object> gauges = JsonLine.parse(lines.get(0));
        List<NodeStats.Drop> drops = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> f = JsonLine.parse(line);
            drops.add(new NodeStats.Drop(text(f, "reason"), text(f, "group"), text(f, "description"), number(f, "count")));
        }
        return new NodeStats((int) number(gauges, "links"), (int) number(gauges, "handshaking"),
                (int) number(gauges, "http_sessions"), (int) number(gauges, "banned_addresses"), drops);
    }

    /** Asks the node at {@code node} for its stats; a {@link ShoalException} says why it could not. */
    static NodeStats fetch(InetSocketAddress node, Duration timeout) {
        String where = HostPort.display(node);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + where + PATH)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new ShoalException("nothing answers at " + where + ": is a node running there?", e);
        } catch (IOException e) {
            throw new ShoalException("cannot get stats from " + where + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException("interrupted while asking " + where + " for its stats", e);
        }
        if (response.statusCode() == 403) {
            throw new ShoalException(where + " gives its stats to its own machine only (403)");
        }
        if (response.statusCode() != 200) {
            throw new ShoalException(where + " answered " + response.statusCode() + ": is it a Shoal node?");
        }
        try {
            return parse(response.body().lines().toList());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new ShoalException(where + " sent stats this version cannot read: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> f, String key) {
        return String.valueOf(f.get(key));
    }

    private static long number(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field " + key + " is not a number");
        }
        return n.longValue();
    }
}
