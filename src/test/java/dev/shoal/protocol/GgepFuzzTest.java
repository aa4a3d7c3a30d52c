package dev.shoal.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;

/**
 * Coverage-guided fuzzing of a GGEP block on its own (COBS, deflated values, the pong extensions
 * read from it). Saved inputs replay in every test run (protocol-spec/hardening.md, "Bad-input
 * corpus").
 */
class GgepFuzzTest {
    /** A block is at most a payload (64 KiB) and each value inflates to at most 64 KiB. */
    private static final DecoderContract BLOCK = DecoderContract.of(4 << 20, BadMessageException.class);

    @FuzzTest(maxDuration = "5s")
    void blocks(byte[] data) {
        BLOCK.holds(() -> {
            Ggep g = Ggep.decode(data);
            PongExtensions.dailyUptimeSeconds(g);
            PongExtensions.freeSlots(g);
            PongExtensions.packedHosts(g);
        });
    }
}
