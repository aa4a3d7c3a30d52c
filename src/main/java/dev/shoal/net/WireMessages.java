package dev.shoal.net;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.handshake.HandshakeMessage;
import java.util.List;

/** The objects that travel between the codec and the handler; internal to the network layer. */
final class WireMessages {
    private WireMessages() {
    }

    /** A handshake step to send; after it, everything we send is deflated if {@code deflateAfter}. */
    record HandshakeOut(HandshakeMessage message, boolean deflateAfter) {
    }

    /** Frames written together: one compression flush for all of them. */
    record FrameBatch(List<Frame> frames) {
    }

    /** The first line of a connection that turned out to be HTTP or a push callback. */
    record HttpStart(String firstLine) {
    }

    /** Raw bytes of such a connection, after its first line. */
    record HttpBytes(byte[] bytes) {
    }

    /** A peer connected to us only to show that it can: the answer to our TCP connect-back request. */
    record ConnectBackProbe() {
    }
}
