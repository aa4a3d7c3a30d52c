package dev.shoal.transfer.download;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of magnet links, pasted by users from anywhere. Saved inputs replay in
 * every test run (protocol-spec/hardening.md, "Bad-input corpus").
 */
class MagnetFuzzTest {
    /** {@link Magnet#parse} refuses with IllegalArgumentException. */
    private static final DecoderContract LINK = DecoderContract.of(1 << 20, IllegalArgumentException.class);

    @FuzzTest(maxDuration = "5s")
    void links(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        LINK.holds(() -> Magnet.parse(text).sources());
    }
}
