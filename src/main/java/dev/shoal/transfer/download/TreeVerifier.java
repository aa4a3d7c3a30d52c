package dev.shoal.transfer.download;

import dev.shoal.thex.HashTree;
import dev.shoal.thex.TigerTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks chunks against a file's Tiger tree. The unit of a check is the smallest tree node that
 * covers whole chunks: one chunk when the tree goes at least that deep (a chunk is a power of two
 * of 1024-byte segments, so it is exactly one node of the full tree, and the rows kept yield it),
 * or several chunks when the deepest row kept has larger nodes. A unit passes when the Tiger tree
 * of its bytes, built on its own, has the node's hash as root: nodes are aligned, so the tree of
 * a node's bytes is the node's subtree, the last, shorter one included.
 */
final class TreeVerifier implements ChunkVerifier {
    private static final int READ = 256 * 1024;

    private final ChunkLayout layout;
    private final List<byte[]> expected;
    private final long unitBytes;
    private final int chunksPerUnit;
    private final BitSet passed = new BitSet();
    private final BitSet givenUp = new BitSet();

    private TreeVerifier(ChunkLayout layout, List<byte[]> expected, long unitBytes) {
        this.layout = layout;
        this.expected = expected;
        this.unitBytes = unitBytes;
        this.chunksPerUnit = (int) Math.max(1, unitBytes / layout.chunkSize());
    }

    /** A verifier of {@code layout}'s chunks by {@code tree}; empty when the chunks do not align with its nodes. */
    static Optional<TreeVerifier> of(HashTree tree, ChunkLayout layout) {
        int chunk = layout.chunkSize();
        if (tree.fileSize() != layout.size() || chunk < HashTree.SEGMENT || Integer.bitCount(chunk) != 1) {
            return Optional.empty();
        }
        int full = HashTree.fullDepth(layout.size());
        int chunkLevels = Integer.numberOfTrailingZeros(chunk / HashTree.SEGMENT);
        // The row whose nodes are one chunk each, or the deepest kept if that is higher up.
        int depth = Math.min(tree.depth(), Math.max(0, full - chunkLevels));
        return Optional.of(new TreeVerifier(layout, tree.row(depth), tree.nodeBytes(depth)));
    }

    /** Chunks checked together: 1 unless the tree's nodes are larger than a chunk. */
    int chunksPerUnit() {
        return chunksPerUnit;
    }

    private int units() {
        return expected.size();
    }

    private Unit unit(int i) {
        int first = i * chunksPerUnit;
        long start = i * unitBytes;
        return new Unit(i, first, Math.min(layout.count(), first + chunksPerUnit) - 1, start,
                Math.min(layout.size(), start + unitBytes) - start);
    }

    @Override
    public List<Unit> due(BitSet done, long maxBytes) {
        List<Unit> out = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < units() && bytes < maxBytes; i++) {
            Unit u = unit(i);
            if (!passed.get(i) && !givenUp.get(i) && done.nextClearBit(u.first()) > u.last()) {
                out.add(u);
                bytes += u.length();
            }
        }
        return out;
    }

    @Override
    public boolean matches(PrefixHasher.Source file, Unit unit) throws IOException {
        return Arrays.equals(rootOf(file, unit.start(), unit.length()), expected.get(unit.index()));
    }

    @Override
    public void passed(Unit unit) {
        passed.set(unit.index());
    }

    private static byte[] rootOf(PrefixHasher.Source file, long start, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ, Math.max(1, length)));
        TigerTree tree = new TigerTree(length, 0);
        long at = start;
        while (at < start + length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), start + length - at));
            int n = file.read(buffer, at);
            if (n < 0) {
                throw new IOException("part file ends at " + at + " before " + (start + length));
            }
            tree.update(buffer.flip());
            at += n;
        }
        return tree.finish().root().digest();
    }

    @Override
    public long verifiedPrefix() {
        return Math.min(layout.size(), passed.nextClearBit(0) * unitBytes);
    }

    @Override
    public boolean checkedAll(BitSet done) {
        for (int i = 0; i < units(); i++) {
            Unit u = unit(i);
            if (!passed.get(i) && !givenUp.get(i) && done.nextClearBit(u.first()) > u.last()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void forget(List<Integer> chunks) {
        for (int c : chunks) {
            passed.clear(c / chunksPerUnit);
        }
    }

    @Override
    public void giveUp(Unit unit) {
        givenUp.set(unit.index());
    }
}
