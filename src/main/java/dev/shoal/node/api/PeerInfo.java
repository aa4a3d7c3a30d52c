package dev.shoal.node.api;

import java.time.Instant;

/**
 * A connected Gnutella peer as the UI and CLI see it.
 *
 * @param address the other end of the link, {@code ip:port}
 * @param listenAddress where the peer accepts connections ({@code ip:port}; for a link it opened to
 *     us, the port it announced in its handshake), for browsing it; empty when it did not say
 */
public record PeerInfo(long id, String address, String userAgent, boolean outgoing, boolean ultrapeer,
        Instant since, long messagesIn, long messagesOut, String listenAddress) {
    public PeerInfo {
        listenAddress = listenAddress == null ? "" : listenAddress;
    }

    /** A peer whose listening address is not known. */
    public PeerInfo(long id, String address, String userAgent, boolean outgoing, boolean ultrapeer, Instant since,
            long messagesIn, long messagesOut) {
        this(id, address, userAgent, outgoing, ultrapeer, since, messagesIn, messagesOut, "");
    }
}
