package dev.shoal.transfer.browse;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Whole Gnutella messages read one after another from a blocking stream: a 23-byte header, then
 * the payload it announces, never longer than {@code maxPayload} (a longer length field means the
 * stream is garbage: nothing after it can be trusted). Not thread safe.
 */
final class MessageStream {
    private final InputStream in;
    private final int maxPayload;

    MessageStream(InputStream in, int maxPayload) {
        this.in = in;
        this.maxPayload = maxPayload;
    }

    /** The next message, or null when the stream ends cleanly between two messages. */
    Frame next() throws IOException {
        byte[] head = in.readNBytes(Header.SIZE);
        if (head.length == 0) {
            return null;
        }
        if (head.length < Header.SIZE) {
            throw bad("the list ended inside a message header");
        }
        Header header;
        try {
            header = Header.read(ByteBuffer.wrap(head), maxPayload);
        } catch (FramingException e) {
            throw bad("not a stream of Gnutella messages: " + e.getMessage());
        }
        byte[] payload = in.readNBytes(header.payloadLength());
        if (payload.length < header.payloadLength()) {
            throw bad("the list ended inside a message");
        }
        return new Frame(header, payload);
    }

    private static BrowseFailure bad(String message) {
        return new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, message);
    }
}
