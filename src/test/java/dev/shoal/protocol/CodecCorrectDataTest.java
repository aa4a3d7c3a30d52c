package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Well-formed payloads: exact layouts and round trips for every type. */
class CodecCorrectDataTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Payload> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughFrame(Payload p) throws Exception {
        Guid guid = Guid.random();
        Frame f = MessageCodec.frame(guid, 3, 1, p);
        assertThat(f.header()).isEqualTo(new Header(guid, p.type(), 3, 1, f.payload().length));
        Payload back = MessageCodec.decode(f);
        assertThat(back).isEqualTo(p);
        assertThat(back.encode()).isEqualTo(f.payload());
    }

    @Test
    void pongLayout() {
        Pong p = new Pong(Samples.address("7f000001", 16500), 6, 2048, Ggep.EMPTY);
        assertThat(HEX.formatHex(p.encode())).isEqualTo("7440" + "7f000001" + "06000000" + "00080000");
    }

    @Test
    void pushLayout() {
        Push p = new Push(Samples.SERVENT, 7, Samples.address("7f000001", 17002), Ggep.EMPTY);
        assertThat(HEX.formatHex(p.encode())).isEqualTo(
                "5a454252415f534552564e545f494400" + "07000000" + "7f000001" + "6a42");
    }

    @Test
    void queryFlagsAreBigEndianAndHashQueryEndsWithNul() {
        byte[] b = Query.forUrn(Samples.URN).encode();
        assertThat(HEX.formatHex(b, 0, 4)).isEqualTo("88005c00");
        assertThat(b[b.length - 1]).isZero();
        assertThat(HEX.formatHex(Query.keywords("zebra").encode())).isEqualTo("8800" + "7a65627261" + "00");
    }

    @Test
    void queryGgepIsLastAndCobsEncodedWhenItHoldsANul() throws Exception {
        Query q = new Query(Query.DEFAULT_FLAGS, "x", List.of(Samples.URN), List.of(),
                Ggep.of(GgepExtension.of("M", new byte[] {0x04, 0x00})));
        byte[] b = q.encode();
        int ggepAt = indexOf(b, (byte) 0xC3);
        assertThat(b[ggepAt - 1]).isEqualTo((byte) 0x1C);
        assertThat(java.util.Arrays.copyOfRange(b, ggepAt, b.length - 1)).doesNotContain((byte) 0);
        Query back = (Query) MessageCodec.decode(MessageType.QUERY, b);
        assertThat(back.ggep().get("M")).contains(new byte[] {0x04, 0x00});
        assertThat(back.ggep().extensions().get(0).cobs()).isTrue();
    }

    @Test
    void queryWithoutTrailingNulInExtensionAreaIsAccepted() throws Exception {
        byte[] b = HEX.parseHex("8000" + "5c00" + HEX.formatHex(Samples.URN.toString().getBytes()));
        Query q = (Query) MessageCodec.decode(MessageType.QUERY, b);
        assertThat(q.urns()).containsExactly(Samples.URN);
        assertThat(q.hasFlag(Query.FLAG_GGEP_H)).isFalse();
    }

    @Test
    void queryKeepsOtherExtensionStrings() throws Exception {
        byte[] b = HEX.parseHex("8000" + "6100" + "75726e3a" + "1c" + "3c3f786d6c3f3e" + "00");
        Query q = (Query) MessageCodec.decode(MessageType.QUERY, b);
        assertThat(q.urns()).isEmpty();
        assertThat(q.otherExtensions()).containsExactly("urn:", "<?xml?>");
        assertThat(q.encode()).isEqualTo(b);
    }

    @Test
    void legacyMinSpeedWordHasNoFlags() {
        Query q = new Query(0x0800, "a", List.of(), List.of(), Ggep.EMPTY);
        assertThat(q.hasFlag(Query.FLAG_GGEP_H)).isFalse();
    }

    @Test
    void vendorLayout() throws Exception {
        VendorMessage v = new VendorMessage("LIME", 21, 1, new byte[0]);
        assertThat(HEX.formatHex(v.encode())).isEqualTo("4c494d45" + "1500" + "0100");
        assertThat(((VendorMessage) MessageCodec.decode(MessageType.VENDOR, v.encode())).is("LIME", 21)).isTrue();
    }

    @Test
    void unknownTypeDecodesToUnknownPayload() throws Exception {
        assertThat(MessageCodec.decode((byte) 0x99, new byte[] {1, 2}))
                .isEqualTo(new UnknownPayload((byte) 0x99, new byte[] {1, 2}));
    }

    @Test
    void constructorsRejectValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new Pong(Samples.address("7f000001", 1), -1, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pong(java.net.InetSocketAddress.createUnresolved("example.org", 1), 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Query(0x10000, "a", List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Query(0, "a\0b", List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Query(0, "a", List.of(), List.of("a\u001cb"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Query(0, "a", List.of(), List.of("éa"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VendorMessage("LIMEX", 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VendorMessage((byte) 0x30, "LIME", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
