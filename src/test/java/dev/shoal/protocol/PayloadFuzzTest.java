package dev.shoal.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;

/**
 * Coverage-guided fuzzing of every message type's payload decoder, as {@link MessageCodec} is
 * called for each frame a peer sends. In a normal test run it replays the inputs saved under
 * {@code src/test/resources/dev/shoal/protocol/PayloadFuzzTestInputs/}; {@code .ci/fuzz} fuzzes it
 * for a fixed time (protocol-spec/hardening.md, "Bad-input corpus").
 */
class PayloadFuzzTest {
    private static final byte[] TYPES = {MessageType.PING, MessageType.PONG, MessageType.BYE,
        MessageType.ROUTE_TABLE_UPDATE, MessageType.VENDOR, MessageType.VENDOR_STANDARD, MessageType.PUSH,
        MessageType.QUERY, MessageType.QUERY_HIT};
    /** A payload is at most 64 KiB and a GGEP value inflates to at most 64 KiB; far above both. */
    private static final DecoderContract PAYLOADS = DecoderContract.of(4 << 20, BadMessageException.class);

    @FuzzTest(maxDuration = "5s")
    void payloads(FuzzedDataProvider data) {
        byte type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        byte[] payload = data.consumeRemainingAsBytes();
        PAYLOADS.holds(() -> {
            Payload p = MessageCodec.decode(type, payload);
            if (p instanceof QueryHit hit) {
                QueryHit.serventId(payload);
                hit.results().forEach(r -> r.toString());
            }
            if (p instanceof VendorMessage v && MessagesSupported.is(v)) {
                MessagesSupported.from(v);
            }
            if (p instanceof VendorMessage v && ReplyNumber.is(v)) {
                ReplyNumber.from(v);
            }
            if (p instanceof VendorMessage v && LimeAck.is(v)) {
                LimeAck.from(v);
            }
        });
    }
}
