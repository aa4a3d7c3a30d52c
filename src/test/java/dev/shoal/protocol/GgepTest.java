package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GgepTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String lengthHex(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GgepExtension.writeLength(out, length);
        return HEX.formatHex(out.toByteArray());
    }

    private static int readLength(String hex) throws BadMessageException {
        return GgepExtension.readLength(new ByteReader(HEX.parseHex(hex)));
    }

    // --- correct data

    @Test
    void lengthUsesOneToThreeSixBitBytes() throws Exception {
        assertThat(lengthHex(0)).isEqualTo("40");
        assertThat(lengthHex(63)).isEqualTo("7f");
        assertThat(lengthHex(64)).isEqualTo("8140");
        assertThat(lengthHex(4095)).isEqualTo("bf7f");
        assertThat(lengthHex(4096)).isEqualTo("818040");
        assertThat(lengthHex(GgepExtension.MAX_DATA_LENGTH)).isEqualTo("bfbf7f");
        for (int n : new int[] {0, 1, 63, 64, 65, 4095, 4096, 100_000, GgepExtension.MAX_DATA_LENGTH}) {
            assertThat(readLength(lengthHex(n))).isEqualTo(n);
        }
    }

    @Test
    void encodesFlagsIdLengthAndLastBit() {
        Ggep g = Ggep.of(GgepExtension.of("DU", new byte[] {2}), GgepExtension.flag("TLS"));
        assertThat(HEX.formatHex(g.encode())).isEqualTo("c3" + "02" + "4455" + "41" + "02" + "83" + "544c53" + "40");
        assertThat(Ggep.EMPTY.encode()).isEmpty();
    }

    @Test
    void capturedPongBlockReencodesToTheSameBytes() throws Exception {
        byte[] pong = dev.shoal.GtkgCaptures.read("pong-own-ggep.bin");
        byte[] block = java.util.Arrays.copyOfRange(pong, Header.SIZE + Pong.FIXED_SIZE, pong.length);
        Ggep expected = Ggep.of(GgepExtension.of("VC", HEX.parseHex("47544b4783")),
                GgepExtension.of("GUE", new byte[] {2}), GgepExtension.of("UP", HEX.parseHex("02ff30")),
                GgepExtension.of("DU", new byte[] {2}), GgepExtension.flag("TLS"));
        assertThat(Ggep.decode(block)).isEqualTo(expected);
        assertThat(expected.encode()).isEqualTo(block);
    }

    @Test
    void cobsKeepsNulBytesOutOfTheData() throws Exception {
        byte[] value = HEX.parseHex("02af9d01f2d5dfffd9ca966ef982933d00554357ab71b3c4287bff83e38e28821074585b37558e8c8c55c28090");
        GgepExtension h = GgepExtension.of("H", value, false, true);
        // The exact bytes gtk-gnutella sent for this digest (queryhit-multi.bin).
        assertThat(HEX.formatHex(h.wireData())).isEqualTo(
                "1102af9d01f2d5dfffd9ca966ef982933d1d554357ab71b3c4287bff83e38e28821074585b37558e8c8c55c28090");
        byte[] block = Ggep.of(h).encode();
        assertThat(HEX.formatHex(block, 0, 4)).isEqualTo("c3c1486e");
        assertThat(block).doesNotContain((byte) 0);
        assertThat(Ggep.decode(block).get("H")).contains(value);
    }

    @Test
    void cobsRoundTripsEdgeCases() throws Exception {
        List<byte[]> cases = new ArrayList<>(List.of(new byte[0], new byte[] {0}, new byte[] {0, 0}, new byte[] {1},
                new byte[] {1, 0}, new byte[] {0, 1}));
        for (int n : new int[] {253, 254, 255, 508, 600}) {
            byte[] run = new byte[n];
            java.util.Arrays.fill(run, (byte) 7);
            cases.add(run);
            byte[] withZero = java.util.Arrays.copyOf(run, n + 1);
            cases.add(withZero);
        }
        for (byte[] c : cases) {
            byte[] enc = Cobs.encode(c);
            assertThat(enc).doesNotContain((byte) 0);
            assertThat(Cobs.decode(enc)).as("length %d", c.length).isEqualTo(c);
        }
    }

    @Test
    void deflatedValueRoundTrips() throws Exception {
        byte[] value = "127.0.0.1:6346\n".repeat(40).getBytes();
        GgepExtension e = GgepExtension.of("PHC", value, true, false);
        assertThat(e.wireData().length).isLessThan(value.length);
        Ggep back = Ggep.decode(Ggep.of(e).encode());
        assertThat(back.get("PHC")).contains(value);
        assertThat(back.extensions().get(0).deflated()).isTrue();
        assertThat(back.encode()).isEqualTo(Ggep.of(e).encode());
    }

    @Test
    void deflateThenCobsBothApply() throws Exception {
        byte[] value = new byte[300];
        GgepExtension e = GgepExtension.of("XQ", value, true, true);
        assertThat(e.flagsByte(true)).isEqualTo(0x80 | 0x40 | 0x20 | 2);
        assertThat(Ggep.decode(Ggep.of(e).encode()).get("XQ")).contains(value);
    }

    @Test
    void consecutiveBlocksAreMerged() throws Exception {
        byte[] two = HEX.parseHex("c3824455410a" + "c383544c5340");
        Ggep g = Ggep.decode(two);
        assertThat(g.extensions()).extracting(GgepExtension::id).containsExactly("DU", "TLS");
        assertThat(g.find("DU").orElseThrow().longValue()).isEqualTo(10);
    }

    @Test
    void nulSafeSwitchesOnlyExtensionsHoldingNul() {
        Ggep g = Ggep.of(GgepExtension.of("A", new byte[] {1, 0, 2}), GgepExtension.of("B", new byte[] {5}));
        Ggep safe = g.nulSafe();
        assertThat(safe.extensions().get(0).cobs()).isTrue();
        assertThat(safe.extensions().get(1).cobs()).isFalse();
        assertThat(safe.encode()).doesNotContain((byte) 0);
    }

    @Test
    void littleEndianMinimalIntegers() throws Exception {
        assertThat(Ggep.encodeLong(0)).containsExactly(0);
        assertThat(Ggep.encodeLong(0x7F)).containsExactly(0x7F);
        assertThat(Ggep.encodeLong(0x683b967fL)).containsExactly(0x7f, 0x96, 0x3b, 0x68);
        assertThat(Ggep.encodeLong(5_000_000_000L)).hasSize(5);
        assertThat(Ggep.decodeLong(Ggep.encodeLong(5_000_000_000L))).isEqualTo(5_000_000_000L);
        assertThat(Ggep.decodeLong(new byte[0])).isZero();
        assertThatThrownBy(() -> Ggep.encodeLong(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacesAndWithoutRemoves() {
        Ggep g = Ggep.of(GgepExtension.flag("BH")).with(GgepExtension.of("DU", new byte[] {1}))
                .with(GgepExtension.of("DU", new byte[] {2}));
        assertThat(g.get("DU")).contains(new byte[] {2});
        assertThat(g.without("BH").has("BH")).isFalse();
        assertThat(g.without("BH").without("DU")).isSameAs(Ggep.EMPTY);
    }

    @Test
    void rejectsBadIdsWhenBuilding() {
        assertThatThrownBy(() -> GgepExtension.flag("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgepExtension.flag("SIXTEEN_CHARS_ID")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgepExtension.flag("A\0")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- insufficient data

    @Test
    void truncatedBlocksAreBadMessages() {
        byte[] full = Ggep.of(GgepExtension.of("DU", new byte[] {1, 2, 3}), GgepExtension.flag("BH")).encode();
        for (int n = 0; n < full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            assertThatThrownBy(() -> Ggep.decode(cut)).as("prefix %d", n).isInstanceOf(BadMessageException.class);
        }
    }

    @Test
    void blockWithoutLastFlagRunsOutOfData() {
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c30244554101"))).isInstanceOf(BadMessageException.class);
    }

    // --- invalid data

    @Test
    void invalidBlocksAreBadMessages() {
        String[] bad = {
            "00", // no magic
            "c380", // id length 0
            "c3924455" + "40", // reserved bit 0x10
            "c3824455" + "01", // length byte without a 0x40/0x80 mark
            "c3824455" + "c0", // length byte with both marks
            "c382410041", // NUL in the id
            "c3c14840" + "c3", // a second block that is cut short
        };
        for (String hex : bad) {
            assertThatThrownBy(() -> Ggep.decode(HEX.parseHex(hex))).as(hex).isInstanceOf(BadMessageException.class);
        }
        // COBS group overruns its data.
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c3c1484205ab"))).isInstanceOf(BadMessageException.class);
        // Deflate flag on bytes that are not zlib.
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c3a14843010203"))).isInstanceOf(BadMessageException.class);
        // Bytes after the block.
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c383544c534000"))).isInstanceOf(BadMessageException.class);
    }

    @Test
    void truncatedDeflateStreamIsBad() {
        byte[] wire = GgepExtension.of("Z", new byte[200], true, false).wireData();
        byte[] cut = java.util.Arrays.copyOf(wire, wire.length - 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x80 | 0x20 | 1);
        out.write('Z');
        GgepExtension.writeLength(out, cut.length);
        out.writeBytes(cut);
        assertThatThrownBy(() -> Ggep.decode(out.toByteArray())).isInstanceOf(BadMessageException.class);
    }

    // --- bad declared length

    @Test
    void declaredLengthBeyondTheDataIsBad() {
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c3824455" + "45" + "01"))).isInstanceOf(
                BadMessageException.class);
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c3824455" + "818040" + "01"))).isInstanceOf(
                BadMessageException.class);
        assertThatThrownBy(() -> Ggep.decode(HEX.parseHex("c3824455" + "80808040"))).hasMessageContaining(
                "longer than 3 bytes");
    }
}
