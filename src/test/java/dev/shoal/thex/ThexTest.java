package dev.shoal.thex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThexTest {
    private static final int SIZE = 2_100_000;
    private HashTree tree;

    @BeforeEach
    void setUp() {
        byte[] data = new byte[SIZE];
        new Random(5).nextBytes(data);
        TigerTree t = TigerTree.forFile(SIZE);
        t.update(data, 0, SIZE);
        tree = t.finish();
    }

    @Test
    void encodedTreeDecodesToItself() throws Exception {
        byte[] message = Thex.encode(tree);
        assertThat(Thex.decode(message, SIZE, tree.root())).isEqualTo(tree);
        assertThat(tree.depth()).isEqualTo(4);
    }

    @Test
    void messageIsTwoDimeRecordsLikeGtkGnutellas() throws Exception {
        byte[] message = Thex.encode(tree);
        ByteBuffer b = ByteBuffer.wrap(message);
        assertThat(b.get(0)).isEqualTo((byte) 0x0C); // version 1, message begin
        assertThat(b.get(1)).isEqualTo((byte) 0x10); // a media type
        int xmlLength = b.getInt(8);
        String xml = new String(message, 12 + 8, xmlLength, StandardCharsets.UTF_8);
        assertThat(xml).contains("<file size=\"" + SIZE + "\" segmentsize=\"1024\"/>")
                .contains("algorithm=\"http://open-content.net/spec/digest/tiger\" outputsize=\"24\"")
                .contains("<serializedtree depth=\"4\" type=\"http://open-content.net/spec/thex/breadthfirst\"");
        int second = 12 + 8 + ((xmlLength + 3) & ~3);
        assertThat(b.get(second)).isEqualTo((byte) 0x0A); // version 1, message end
        assertThat(b.get(second + 1)).isEqualTo((byte) 0x20); // an absolute URI
        assertThat(b.getInt(second + 8)).isEqualTo(tree.breadthFirst().length);
        List<Dime.Record> records = Dime.decode(message);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).id()).startsWith("uuid:");
        assertThat(xml).contains("uri=\"" + records.get(1).id() + "\"");
        assertThat(records.get(1).data()).isEqualTo(tree.breadthFirst());
    }

    @Test
    void descriptionOfAnotherFileOrHashIsRefused() {
        byte[] message = Thex.encode(tree);
        assertThatThrownBy(() -> Thex.decode(message, SIZE + 1, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("size");
        byte[] sha = replace(message, "digest/tiger", "digest/sha1_");
        assertThatThrownBy(() -> Thex.decode(sha, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("algorithm");
        byte[] segments = replace(message, "segmentsize=\"1024\"", "segmentsize=\"2048\"");
        assertThatThrownBy(() -> Thex.decode(segments, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("segmentsize");
    }

    /** Found by ThexFuzzTest: a length past 2^31 used to escape as a NegativeArraySizeException. */
    @Test
    void aRecordDeclaringMoreThanTwoGigabytesIsRefused() {
        byte[] message = Thex.encode(tree);
        for (int b = 8; b < 12; b++) {
            message[b] = (byte) 0xFF; // the first record's data length: 2^32 - 1
        }
        assertThatThrownBy(() -> Thex.decode(message, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void brokenMessagesAreRefused() {
        byte[] message = Thex.encode(tree);
        for (int cut : new int[] {0, 5, 12, 40, message.length - 1}) {
            assertThatThrownBy(() -> Thex.decode(Arrays.copyOf(message, cut), SIZE, tree.root()))
                    .as("cut at %d", cut).isInstanceOf(ThexException.class);
        }
        byte[] notXml = replace(message, "<hashtree>", "<hashtree ");
        assertThatThrownBy(() -> Thex.decode(notXml, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("not XML");
        byte[] otherId = replace(message, "uri=\"uuid:", "uri=\"uuix:");
        assertThatThrownBy(() -> Thex.decode(otherId, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageContaining("no tree record");
        byte[] tampered = message.clone();
        tampered[tampered.length - 10] ^= 1;
        assertThatThrownBy(() -> Thex.decode(tampered, SIZE, tree.root())).isInstanceOf(ThexException.class);
        assertThatThrownBy(() -> Thex.decode(new byte[Thex.MAX_BYTES + 1], SIZE, tree.root()))
                .isInstanceOf(ThexException.class).hasMessageContaining("too large");
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE hashtree [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<hashtree><file size=\"&x;\" segmentsize=\"1024\"/></hashtree>";
        byte[] message = Dime.encode(List.of(new Dime.Record(Dime.MIME, "text/xml", "",
                evil.getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> Thex.decode(message, SIZE, tree.root())).isInstanceOf(ThexException.class)
                .hasMessageNotContaining("root:");
    }

    private static byte[] replace(byte[] message, String from, String to) {
        assertThat(from.length()).isEqualTo(to.length());
        String s = new String(message, StandardCharsets.ISO_8859_1);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
