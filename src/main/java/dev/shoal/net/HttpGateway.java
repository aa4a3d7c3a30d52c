package dev.shoal.net;

import java.io.IOException;

/**
 * Serves connections on the Gnutella port whose first line is HTTP ({@code GET }, {@code HEAD })
 * or a push callback ({@code GIV }). Installed by the transfer layer; without one, such
 * connections get {@code HTTP/1.1 404 Not Found} and are closed.
 *
 * <p>{@link #serve} runs on a thread of its own (one per such connection), so it may block on
 * the session's streams. The connection is closed when it returns or throws.
 */
@FunctionalInterface
public interface HttpGateway {
    void serve(HttpSession session) throws IOException;
}
