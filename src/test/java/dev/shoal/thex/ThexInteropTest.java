package dev.shoal.thex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.protocol.TigerRoot;
import org.junit.jupiter.api.Test;

/**
 * gtk-gnutella 1.2.3's answer to {@code /uri-res/N2X} for a 3,146,505-byte file it shared (see the
 * captures' README): our parser reads it, and we serialise the same tree to the same bytes.
 */
class ThexInteropTest {
    private static final long SIZE = 3_146_505;
    private static final TigerRoot ROOT = TigerRoot.parse("QKR3E4HNSBTJ5DNQMFUZJMB55CD6TZJU2YTMNQA");

    @Test
    void gtkGnutellasTreeReadsAndIsConsistentWithTheRootItAdvertised() throws Exception {
        HashTree tree = Thex.decode(GtkgCaptures.read("thex-n2x.dime"), SIZE, ROOT);
        assertThat(tree.depth()).isEqualTo(4).isEqualTo(HashTree.goodDepth(SIZE));
        assertThat(tree.row(4)).hasSize(13);
        assertThat(tree.nodeBytes(4)).isEqualTo(256 * 1024);
    }

    @Test
    void weSerialiseItsTreeByteForByteAsItDoes() throws Exception {
        byte[] captured = GtkgCaptures.read("thex-n2x.dime");
        assertThat(Thex.encode(Thex.decode(captured, SIZE, ROOT))).isEqualTo(captured);
    }
}
