package dev.shoal.routing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;

/**
 * Coverage-guided fuzzing of a leaf's route table as it arrives: a run of route table updates
 * (resets and patches, plain or zlib, any entry size), each decoded and applied to one table of
 * the real maximum size. Each update may fail only with its typed exception and costs a bounded
 * allocation however it inflates. Saved inputs replay in every test run (see
 * protocol-spec/hardening.md, "Bad-input corpus").
 */
class QrpFuzzTest {
    /** A reset allocates the table (2^21 slots, 256 KiB of bits); a patch inflates into it in 4 KiB steps. */
    private static final DecoderContract UPDATE = DecoderContract.of(2 << 20, BadMessageException.class,
            QrpException.class);

    @FuzzTest(maxDuration = "5s")
    void updates(FuzzedDataProvider data) {
        try (QrpTableAssembler table = new QrpTableAssembler()) {
            while (data.remainingBytes() > 0) {
                byte[] payload = data.consumeBytes(data.consumeInt(0, 4096));
                UPDATE.holds(() -> table.accept(MessageCodec.decode(MessageType.ROUTE_TABLE_UPDATE, payload)));
            }
        }
    }
}
