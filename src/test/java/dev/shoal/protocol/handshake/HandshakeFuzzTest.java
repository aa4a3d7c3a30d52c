package dev.shoal.protocol.handshake;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import dev.shoal.protocol.FramingException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of a handshake step as it comes off the wire, in reads of any size:
 * the reader, the first line, and the answer the responder makes to it. Saved inputs replay in
 * every test run (see protocol-spec/hardening.md, "Bad-input corpus").
 */
class HandshakeFuzzTest {
    /** A step is at most 32 KiB; the reader holds one line and the headers. */
    private static final DecoderContract STEP = DecoderContract.of(2 << 20, FramingException.class);
    private static final InetSocketAddress ME = new InetSocketAddress("127.0.0.1", 6346);
    private final HandshakeResponder responder = new HandshakeResponder("Shoal/fuzz");

    @FuzzTest(maxDuration = "5s")
    void steps(FuzzedDataProvider data) {
        boolean weInitiated = data.consumeBoolean();
        NodeRole role = data.consumeBoolean() ? NodeRole.ULTRAPEER : NodeRole.LEAF;
        int read = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        STEP.holds(() -> {
            HandshakeReader reader = new HandshakeReader();
            for (int at = 0; at < bytes.length; at += read) {
                ByteBuffer chunk = ByteBuffer.wrap(bytes, at, Math.min(read, bytes.length - at));
                Optional<HandshakeMessage> step = reader.feed(chunk);
                if (step.isPresent()) {
                    answer(step.get(), weInitiated, role);
                    return;
                }
            }
        });
    }

    private void answer(HandshakeMessage step, boolean weInitiated, NodeRole role) throws FramingException {
        String first = step.firstLine();
        if (ConnectLine.looksLikeConnect(first)) {
            ConnectLine.parse(first);
        } else {
            StatusLine.parse(first);
        }
        NodeCapacity us = new NodeCapacity(role, 2, 2, ME, InetAddress.getLoopbackAddress(), List.of(ME), true);
        responder.respond(step, weInitiated, us);
        HandshakeResponder.listenAddressOf(step.headers());
        HandshakeResponder.tryHostsOf(step.headers());
    }
}
