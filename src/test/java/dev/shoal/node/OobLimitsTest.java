package dev.shoal.node;

import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.routing.OobAcks;
import dev.shoal.routing.OobHeldAnswers;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that bound out-of-band hits. */
class OobLimitsTest {
    @Test
    void heldAnswers() {
        says("OOB answers held", OobHeldAnswers.HOLD_MILLIS / 1000 + " s", OobHeldAnswers.MAX_HELD + " queries at most");
    }

    @Test
    void resultsAsked() {
        says("OOB results asked", "at most " + OobService.RESULTS_PER_ANSWERER + " from one answerer",
                "target (" + NodeConfig.Tuning.defaults().dynamicQueryTarget() + ")",
                "kept " + OobAcks.ACK_LIFETIME_MILLIS / 1000 + " s, " + n(OobAcks.MAX_ACKED) + " at most",
                "tokens of " + OobService.TOKEN_BYTES + " bytes",
                "the same acknowledgement again, " + OobAcks.MAX_RESENDS + " times at most");
    }
}
