package dev.shoal.thex;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import dev.shoal.protocol.TigerRoot;

/**
 * Coverage-guided fuzzing of a THEX answer as the downloader reads it: the DIME records, the XML
 * description and the breadth-first tree, held to the capture's file size and root so that a
 * mutated capture gets past the checks it passes. Saved inputs (gtk-gnutella's answer among them)
 * replay in every test run (protocol-spec/hardening.md, "Bad-input corpus and fuzzing").
 */
class ThexFuzzTest {
    private static final long SIZE = 3_146_505;
    private static final TigerRoot ROOT = TigerRoot.parse("QKR3E4HNSBTJ5DNQMFUZJMB55CD6TZJU2YTMNQA");
    /** A message is at most 1 MiB; its XML is parsed into a DOM, its tree into rows of 24-byte hashes. */
    private static final DecoderContract ANSWER = DecoderContract.of(32 << 20, ThexException.class);

    @FuzzTest(maxDuration = "5s")
    void answers(byte[] data) {
        ANSWER.holds(() -> Thex.decode(data, SIZE, ROOT));
    }
}
