package dev.shoal.thex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.TigerRoot;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tree roots of known inputs: the four vectors published with THEX (and checked by gtk-gnutella at
 * start-up), and larger inputs whose roots rhash 1.4.3, an independent implementation, gives.
 */
class TigerTreeTest {
    private static String root(byte[] data) {
        return TigerTree.of(data).root().base32();
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void publishedThexVectors() {
        assertThat(root(new byte[0])).isEqualTo("LWPNACQDBZRYXW3VHJVCJ64QBZNGHOHHHZWCLNQ");
        assertThat(root(new byte[1])).isEqualTo("VK54ZIEEVTWNAUI5D5RDFIL37LX2IQNSTAXFKSA");
        assertThat(root(filled(1024, 'A'))).isEqualTo("L66Q4YVNAFWVS23X2HJIRA5ZJ7WXR3F26RSASFA");
        assertThat(root(filled(1025, 'A'))).isEqualTo("PZMRYHGY6LTBEH63ZWAHDORHSYTLO4LEFUIKHWY");
    }

    @Test
    void rootsThatRhashGivesForLargerInputs() {
        byte[] seq = new byte[5000];
        for (int i = 0; i < seq.length; i++) {
            seq[i] = (byte) (i % 251);
        }
        assertThat(root(seq)).isEqualTo("MI5HXROBQ7RK44EAXQAIJJHNQY6XGYPMYMVFVWA");
        assertThat(root(new byte[2048])).isEqualTo("QVO4477D5FR7KAUVUZZREDTCLELFZ3M7BBW3AMI");
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ((i * 7 + 3) % 256);
        }
        assertThat(root(big)).isEqualTo("ISSBLYP7R3OC7M652MYYJ2QSNIW5NIKR6XOGZ5Y");
    }

    @Test
    void streamingInPiecesOfAnySizeGivesTheSameTree() {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        HashTree whole = tree(data, HashTree.goodDepth(data.length), data.length);
        for (int piece : new int[] {1, 7, 1023, 1024, 1025, 65_536}) {
            assertThat(tree(data, HashTree.goodDepth(data.length), piece)).as("pieces of %d", piece).isEqualTo(whole);
        }
        TigerTree direct = TigerTree.forFile(data.length);
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length);
        direct.update(buffer.put(data).flip());
        assertThat(direct.finish()).isEqualTo(whole);
    }

    private static HashTree tree(byte[] data, int depth, int piece) {
        TigerTree t = new TigerTree(data.length, depth);
        for (int at = 0; at < data.length; at += piece) {
            t.update(data, at, Math.min(piece, data.length - at));
        }
        return t.finish();
    }

    @Test
    void everyDepthHasTheSameRootAndRowsOfTheRightSize() {
        byte[] data = new byte[5 * 1024 + 17];
        new Random(3).nextBytes(data);
        TigerRoot expected = TigerTree.of(data).root();
        assertThat(HashTree.fullDepth(data.length)).isEqualTo(3);
        int[] rowSizes = {1, 2, 3, 6};
        for (int depth = 0; depth <= 3; depth++) {
            HashTree t = tree(data, depth, 1000);
            assertThat(t.root()).isEqualTo(expected);
            assertThat(t.depth()).isEqualTo(depth);
            assertThat(t.row(depth)).hasSize(rowSizes[depth]);
            assertThat(t.nodeBytes(depth)).isEqualTo(1024L << (3 - depth));
        }
        // The bottom nodes of the full tree are the leaves: the hash of each 1024-byte segment.
        HashTree full = tree(data, 3, 1000);
        assertThat(full.row(3).get(5)).isEqualTo(TigerTree.of(Arrays.copyOfRange(data, 5120, data.length))
                .root().digest());
        // A node of a row covers its segments as a tree of its own: the odd node is promoted.
        assertThat(full.row(1).get(1)).isEqualTo(TigerTree.of(Arrays.copyOfRange(data, 4096, data.length))
                .root().digest());
    }

    @Test
    void goodDepthFollowsTheTableServentsUse() {
        assertThat(HashTree.goodDepth(0)).isZero();
        assertThat(HashTree.goodDepth((256 << 10) - 1)).isZero();
        assertThat(HashTree.goodDepth(256 << 10)).isEqualTo(1);
        assertThat(HashTree.goodDepth(2 << 20)).isEqualTo(4);
        assertThat(HashTree.goodDepth(100L << 20)).isEqualTo(9);
        assertThat(HashTree.goodDepth(1L << 30)).isEqualTo(11);
        assertThat(HashTree.goodDepth(50L << 30)).isEqualTo(HashTree.MAX_DEPTH);
    }

    @Test
    void breadthFirstRowsReadBackAndAreChecked() throws Exception {
        byte[] data = new byte[600_000];
        new Random(11).nextBytes(data);
        HashTree t = tree(data, HashTree.goodDepth(data.length), 4096);
        byte[] nodes = t.breadthFirst();
        assertThat(nodes).hasSize(24 * (1 + 2 + 3));
        assertThat(HashTree.fromBreadthFirst(data.length, nodes, t.root())).isEqualTo(t);

        byte[] tampered = nodes.clone();
        tampered[24 * 4] ^= 1;
        assertThatThrownBy(() -> HashTree.fromBreadthFirst(data.length, tampered, t.root()))
                .isInstanceOf(ThexException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> HashTree.fromBreadthFirst(data.length, nodes, TigerTree.of(new byte[0]).root()))
                .isInstanceOf(ThexException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> HashTree.fromBreadthFirst(data.length, Arrays.copyOf(nodes, 24 * 4), t.root()))
                .isInstanceOf(ThexException.class).hasMessageContaining("whole top rows");
        assertThatThrownBy(() -> HashTree.fromBreadthFirst(data.length, Arrays.copyOf(nodes, 25), t.root()))
                .isInstanceOf(ThexException.class);
        // The root alone is a tree too.
        assertThat(HashTree.fromBreadthFirst(data.length, Arrays.copyOf(nodes, 24), t.root()).depth()).isZero();
    }

    @Test
    void moreOrFewerBytesThanAnnouncedAreRefused() {
        TigerTree t = new TigerTree(10, 0);
        assertThatThrownBy(() -> t.update(new byte[11], 0, 11)).isInstanceOf(IllegalStateException.class);
        t.update(new byte[9], 0, 9);
        assertThatThrownBy(t::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TigerTree(1024, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(new TigerTree(1025, 1))).hasSize(1);
    }
}
