package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.util.Map;

/**
 * What the capacity bench's target holds at one instant, as its {@code probe} command reports it.
 *
 * @param heap        bytes of heap in use right after a full collection (what is live)
 * @param threads     live threads of the target JVM
 * @param fds         open file descriptors of the target process (-1: not known on this OS)
 * @param links       established Gnutella links
 * @param handshaking accepted sockets still in their handshake (or sending their first HTTP head)
 * @param http        HTTP sessions being served
 */
record HeapProbe(long heap, int threads, long fds, int links, int handshaking, int http) {
    /** Reads the target's answer; throws IllegalArgumentException when it is not one. */
    static HeapProbe parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("the target did not answer the probe");
        }
        Map<String, Object> m = JsonLine.parse(json);
        return new HeapProbe(number(m, "heap").longValue(), number(m, "threads").intValue(),
                number(m, "fds").longValue(), number(m, "links").intValue(), number(m, "handshaking").intValue(),
                number(m, "http").intValue());
    }

    private static Number number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("probe without " + key + ": " + m);
        }
        return n;
    }

    /** Sockets the node holds open of every kind. */
    int sockets() {
        return links + handshaking + http;
    }
}
