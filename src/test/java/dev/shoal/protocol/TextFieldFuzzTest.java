package dev.shoal.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the text fields a peer sends: GIV lines, URNs, host:port and lists
 * of them (X-Try-Ultrapeers). Saved inputs replay in every test run (protocol-spec/hardening.md,
 * "Bad-input corpus").
 */
class TextFieldFuzzTest {
    /** The text decoders refuse with IllegalArgumentException, as the value constructors do. */
    private static final DecoderContract TEXT = DecoderContract.of(1 << 20, BadMessageException.class,
            IllegalArgumentException.class);

    @FuzzTest(maxDuration = "5s")
    void fields(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        TEXT.holds(() -> Giv.parse(text));
        TEXT.holds(() -> Urn.parse(text));
        TEXT.holds(() -> HostPort.parse(text));
        TEXT.holds(() -> HostPort.parseLiteralList(text));
    }
}
