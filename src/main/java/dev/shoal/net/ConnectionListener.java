package dev.shoal.net;

import dev.shoal.protocol.Frame;

/**
 * Events of established links. Called on the network layer's worker threads, never on an I/O
 * thread, and in order per connection: {@code onConnected}, then its frames as they arrived, then
 * {@code onDisconnected}. Different connections are served in parallel. A listener must not block
 * for long; exceptions it throws are logged and ignored.
 */
public interface ConnectionListener {
    default void onConnected(Connection connection) {
    }

    void onFrame(Connection connection, Frame frame);

    default void onDisconnected(Connection connection, String reason) {
    }
}
