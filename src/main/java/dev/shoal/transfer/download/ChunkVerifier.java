package dev.shoal.transfer.download;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;

/**
 * Checks a download's chunks as they come in, before the whole file can be hashed: each check
 * covers a unit of one or more consecutive chunks and passes or fails it. The whole file's SHA-1
 * stays the final word (see {@link PrefixHasher}); a verifier only lets bad data be caught, and
 * its sender named, while the download runs. Used by the coordinating thread only.
 */
interface ChunkVerifier {
    /** Nothing to check chunks against: every byte waits for the final SHA-1. */
    ChunkVerifier NONE = new ChunkVerifier() {
        @Override
        public Checked check(PrefixHasher.Source file, BitSet done, long maxBytes) {
            return new Checked(0, List.of());
        }

        @Override
        public long verifiedPrefix() {
            return 0;
        }

        @Override
        public boolean checkedAll(BitSet done) {
            return true;
        }

        @Override
        public void forget(List<Integer> chunks) {
        }

        @Override
        public void giveUp(Unit unit) {
        }
    };

    /** Chunks {@code first..last}, checked together. */
    record Unit(int index, int first, int last) {
        List<Integer> chunks() {
            return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
        }
    }

    /** What a call to {@link #check} did: bytes read, and the units whose bytes did not match. */
    record Checked(long bytes, List<Unit> bad) {
    }

    /**
     * Checks, in file order, the units whose chunks are all {@code done} and that were not checked
     * yet, stopping once about {@code maxBytes} were read. A bad unit is forgotten at once: its
     * chunks must be fetched again.
     */
    Checked check(PrefixHasher.Source file, BitSet done, long maxBytes) throws IOException;

    /** Bytes from the start of the file that passed, up to the first unit that has not. */
    long verifiedPrefix();

    /** True when every unit whose chunks are all {@code done} has been checked (or given up on). */
    boolean checkedAll(BitSet done);

    /** These chunks are missing again (fetched anew after a bad hash): their units must be checked again. */
    void forget(List<Integer> chunks);

    /** Stops checking a unit that keeps failing: it is left to the final SHA-1. */
    void giveUp(Unit unit);
}
