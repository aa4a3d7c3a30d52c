package dev.shoal.transfer.download;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;

/**
 * Checks a download's chunks as they come in, before the whole file can be hashed: each check
 * covers a unit of one or more consecutive chunks and passes or fails it. The whole file's SHA-1
 * stays the final word (see {@link PrefixHasher}); a verifier only lets bad data be caught, and
 * its sender named, while the download runs. The coordinating thread picks the units due and
 * records verdicts; {@link #matches} may run on another thread meanwhile.
 */
interface ChunkVerifier {
    /** Nothing to check chunks against: every byte waits for the final SHA-1. */
    ChunkVerifier NONE = new ChunkVerifier() {
        @Override
        public List<Unit> due(BitSet done, long maxBytes) {
            return List.of();
        }

        @Override
        public boolean matches(PrefixHasher.Source file, Unit unit) {
            throw new IllegalStateException("nothing to check against");
        }

        @Override
        public void passed(Unit unit) {
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

    /** Chunks {@code first..last}, checked together, covering bytes {@code start .. start + length - 1}. */
    record Unit(int index, int first, int last, long start, long length) {
        List<Integer> chunks() {
            return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
        }
    }

    /**
     * Units whose chunks are all {@code done} and that are not checked yet, in file order, about
     * {@code maxBytes} of them (at least one when there is one).
     */
    List<Unit> due(BitSet done, long maxBytes);

    /**
     * Whether the unit's bytes in {@code file} are right. Reads the file and keeps no state: safe
     * on any thread, beside the other methods (which the coordinating thread calls).
     */
    boolean matches(PrefixHasher.Source file, Unit unit) throws IOException;

    /** The unit's bytes were found right. */
    void passed(Unit unit);

    /** Bytes from the start of the file that passed, up to the first unit that has not. */
    long verifiedPrefix();

    /** True when every unit whose chunks are all {@code done} has been checked (or given up on). */
    boolean checkedAll(BitSet done);

    /** These chunks are missing again (fetched anew after a bad hash): their units must be checked again. */
    void forget(List<Integer> chunks);

    /** Stops checking a unit that keeps failing: it is left to the final SHA-1. */
    void giveUp(Unit unit);
}
