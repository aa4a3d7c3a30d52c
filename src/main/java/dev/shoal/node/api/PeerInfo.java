package dev.shoal.node.api;

import java.time.Instant;

/** A connected Gnutella peer as the UI and CLI see it. */
public record PeerInfo(long id, String address, String userAgent, boolean outgoing, boolean ultrapeer,
        Instant since, long messagesIn, long messagesOut) {
}
