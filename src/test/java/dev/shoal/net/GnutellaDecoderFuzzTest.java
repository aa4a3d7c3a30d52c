package dev.shoal.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import dev.shoal.protocol.FramingException;
import dev.shoal.time.VirtualTime;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of an accepted connection's decoder, the first thing every byte from a
 * peer meets: the first line, the handshake, frames plain or deflated (the fuzzer's bytes either
 * deflated by us, so the frames inside are fuzzed, or taken as the zlib stream itself), HTTP heads,
 * all cut into reads of any size and held to the default budgets. The only failure it may report
 * is a {@link FramingException}, and one connection's decoding stays within its memory bound
 * (protocol-spec/hardening.md section 6). Saved inputs replay in every test run.
 */
class GnutellaDecoderFuzzTest {
    /** An unfinished frame, the inflate buffer and one read's 2 MiB of inflated frames, with room. */
    private static final DecoderContract CONNECTION = DecoderContract.of(8 << 20, FramingException.class);

    private enum Start { RAW, PLAIN_LINK, DEFLATED_FRAMES, RAW_ZLIB }

    @FuzzTest(maxDuration = "5s")
    void connection(FuzzedDataProvider data) {
        Start start = data.pickValue(Start.values());
        int read = data.consumeInt(1, 8192);
        byte[] bytes = data.consumeRemainingAsBytes();
        byte[] wire = switch (start) {
            case RAW -> bytes;
            case PLAIN_LINK -> DecoderHarness.concat(DecoderHarness.ascii(DecoderHarness.REQUEST
                    + DecoderHarness.PLAIN_FINAL), bytes);
            case DEFLATED_FRAMES -> DecoderHarness.concat(DecoderHarness.ascii(DecoderHarness.REQUEST
                    + DecoderHarness.DEFLATE_FINAL), DecoderHarness.deflated(bytes));
            case RAW_ZLIB -> DecoderHarness.concat(DecoderHarness.ascii(DecoderHarness.REQUEST
                    + DecoderHarness.DEFLATE_FINAL), bytes);
        };
        DecoderHarness h = DecoderHarness.accepted(InboundBudget.Limits.defaults(), new VirtualTime(), new DropCounters());
        CONNECTION.holds(() -> {
            for (int at = 0; at < wire.length; at += read) {
                h.feed(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + read)));
                h.taken();
            }
        });
    }
}
