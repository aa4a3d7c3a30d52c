package dev.shoal.protocol;

import static dev.shoal.protocol.CodecInsufficientDataTest.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payloads of the right size holding values that make no sense. */
class CodecInvalidDataTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void trailingBytesThatAreNotGgepAreBad() {
        assertBad(MessageType.PING, "00");
        assertBad(MessageType.PONG, "7440" + "7f000001" + "06000000" + "00080000" + "01");
        assertBad(MessageType.PUSH, "5a454252415f534552564e545f494400" + "07000000" + "7f000001" + "6a42" + "ff");
    }

    @Test
    void badGgepInsideAPayloadIsBad() {
        assertBad(MessageType.PING, "c3" + "92" + "4455" + "40"); // reserved flag bit
        assertBad(MessageType.PONG, "7440" + "7f000001" + "06000000" + "00080000" + "c3" + "80");
        assertBad(MessageType.QUERY, "8000" + "6100" + "c3" + "90" + "00");
        String badResultGgep = "01" + "7440" + "7f000001" + "40000000" + "01000000" + "0a000000" + "6100"
                + "c3" + "8248" + "0000" + "00" + "00112233445566778899aabbccddeeff";
        assertBad(MessageType.QUERY_HIT, badResultGgep);
    }

    @Test
    void qrpFieldsOutOfRangeAreBad() {
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "02"); // unknown variant
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "00" + "00300000" + "02"); // not a power of two
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "00" + "00400000" + "00"); // infinity 0
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "01" + "0201" + "01" + "04"); // seq 2 of 1
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "01" + "0101" + "01" + "03"); // 3-bit entries
    }

    @Test
    void hitPrivateAreaWithoutWellFormedGgepIsKeptOpaque() throws Exception {
        // LimeWire style: chat byte, then a GGEP block with BH.
        String lime = "00" + "7440" + "7f000001" + "40000000" + "4c494d45" + "02" + "1c1c" + "01" + "c3" + "8242484"
                + "0" + "00112233445566778899aabbccddeeff";
        QueryHit h = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, HEX.parseHex(lime));
        assertThat(h.privateData()).containsExactly(1);
        assertThat(h.browseHost()).isTrue();
        assertThat(h.encode()).isEqualTo(HEX.parseHex(lime));
        // 0xC3 followed by junk: not GGEP, so the whole area is opaque private data.
        String junk = "00" + "7440" + "7f000001" + "40000000" + "4c494d45" + "02" + "1c1c" + "01c3ff"
                + "00112233445566778899aabbccddeeff";
        QueryHit j = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, HEX.parseHex(junk));
        assertThat(j.privateData()).containsExactly(0x01, 0xC3, 0xFF);
        assertThat(j.trailerGgep().isEmpty()).isTrue();
        assertThat(j.encode()).isEqualTo(HEX.parseHex(junk));
    }

    @Test
    void randomlyCorruptedCapturesNeverEscapeAsRuntimeExceptions() throws Exception {
        Random random = new Random(42);
        for (String file : GoldenVectorsTest.messageFiles().toList()) {
            byte[] msg = GtkgCaptures.read(file);
            byte type = msg[16];
            for (int round = 0; round < 300; round++) {
                byte[] payload = java.util.Arrays.copyOfRange(msg, Header.SIZE, msg.length);
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips && payload.length > 0; k++) {
                    payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
                }
                try {
                    MessageCodec.decode(type, payload);
                } catch (BadMessageException expected) {
                    // fine
                }
            }
        }
    }
}
