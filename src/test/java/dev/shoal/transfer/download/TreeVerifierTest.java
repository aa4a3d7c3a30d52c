package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.thex.HashTree;
import dev.shoal.thex.TigerTree;
import dev.shoal.transfer.TestFiles;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks checked against a tree, whatever the size of the tree's nodes next to a chunk's. */
class TreeVerifierTest {
    private static final int SIZE = 600_000;
    private final byte[] data = TestFiles.random(SIZE, 21);
    private final byte[] disk = data.clone();
    private final PrefixHasher.Source file = (dst, position) -> {
        int n = (int) Math.min(dst.remaining(), disk.length - position);
        dst.put(disk, (int) position, n);
        return n;
    };

    private HashTree tree(int depth) {
        TigerTree t = new TigerTree(SIZE, depth);
        t.update(data, 0, SIZE);
        return t.finish();
    }

    /** What the download does: the units due are checked, and those that pass recorded. */
    private List<ChunkVerifier.Unit> check(TreeVerifier v, BitSet done) throws Exception {
        List<ChunkVerifier.Unit> bad = new java.util.ArrayList<>();
        for (ChunkVerifier.Unit u : v.due(done, Long.MAX_VALUE)) {
            if (v.matches(file, u)) {
                v.passed(u);
            } else {
                bad.add(u);
            }
        }
        return bad;
    }

    private static BitSet done(int... chunks) {
        BitSet b = new BitSet();
        for (int c : chunks) {
            b.set(c);
        }
        return b;
    }

    @Test
    void aDeepTreeChecksEachChunkOnItsOwn() throws Exception {
        TreeVerifier v = TreeVerifier.of(tree(HashTree.fullDepth(SIZE)), new ChunkLayout(SIZE, 64 * 1024)).orElseThrow();
        assertThat(v.chunksPerUnit()).isEqualTo(1);
        disk[3 * 65_536 + 5] ^= 1;
        assertThat(check(v, done(0, 1, 3, 9))).extracting(ChunkVerifier.Unit::first).containsExactly(3);
        // The short last chunk (9) passed too; the prefix stops at the first chunk not passed.
        assertThat(v.verifiedPrefix()).isEqualTo(2 * 65_536);
        assertThat(v.checkedAll(done(0, 1, 3, 9))).isFalse();
        disk[3 * 65_536 + 5] ^= 1;
        check(v, done(0, 1, 2, 3, 9));
        assertThat(v.verifiedPrefix()).isEqualTo(4 * 65_536);
        v.forget(List.of(1));
        assertThat(v.verifiedPrefix()).isEqualTo(65_536);
    }

    @Test
    void aShallowTreeChecksSeveralChunksTogetherOnceAllAreDone() throws Exception {
        // Depth 1: two nodes of 512 KiB, each eight chunks of 64 KiB.
        TreeVerifier v = TreeVerifier.of(tree(1), new ChunkLayout(SIZE, 64 * 1024)).orElseThrow();
        assertThat(v.chunksPerUnit()).isEqualTo(8);
        assertThat(v.due(done(0, 1, 2, 3, 4, 5, 6), Long.MAX_VALUE)).isEmpty();
        assertThat(check(v, done(0, 1, 2, 3, 4, 5, 6, 7))).isEmpty();
        assertThat(v.verifiedPrefix()).isEqualTo(512 * 1024);
        disk[SIZE - 1] ^= 1;
        BitSet all = new BitSet();
        all.set(0, 10);
        ChunkVerifier.Unit second = new ChunkVerifier.Unit(1, 8, 9, 512 * 1024, SIZE - 512 * 1024);
        assertThat(check(v, all)).containsExactly(second);
        v.giveUp(second);
        assertThat(v.checkedAll(all)).isTrue();
        assertThat(v.verifiedPrefix()).isEqualTo(512 * 1024);
    }

    @Test
    void theRootAloneChecksAFileOfOneChunk() throws Exception {
        TreeVerifier v = TreeVerifier.of(tree(0), new ChunkLayout(SIZE, 1024 * 1024)).orElseThrow();
        assertThat(check(v, done(0))).isEmpty();
        assertThat(v.verifiedPrefix()).isEqualTo(SIZE);
    }

    @Test
    void chunksThatAreNotAPowerOfTwoOfSegmentsCannotBeChecked() {
        assertThat(TreeVerifier.of(tree(2), new ChunkLayout(SIZE, 100_000))).isEmpty();
        assertThat(TreeVerifier.of(tree(2), new ChunkLayout(SIZE + 1, 65_536))).isEmpty();
    }
}
