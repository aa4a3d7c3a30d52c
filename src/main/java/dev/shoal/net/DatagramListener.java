package dev.shoal.net;

import dev.shoal.protocol.Header;
import dev.shoal.protocol.Payload;
import java.net.InetSocketAddress;

/** What the node does with a well-framed, decoded message that came by UDP. */
public interface DatagramListener {
    /**
     * Handles one message from {@code from}; called on the endpoint's one receiving thread, so it
     * must be quick. Returns null when handled, else why it was dropped (the endpoint counts it).
     */
    DropReason onDatagram(InetSocketAddress from, Header header, Payload payload);
}
