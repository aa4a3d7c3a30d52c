package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Payloads cut short: always a typed BadMessageException (or a shorter valid message), never a crash. */
class CodecInsufficientDataTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Payload> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPrefixOfASampleFailsCleanly(Payload p) {
        byte[] full = p.encode();
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            try {
                MessageCodec.decode(p.type(), cut);
            } catch (BadMessageException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void everyPrefixOfEveryCapturedMessageFailsCleanly() throws Exception {
        for (String file : GoldenVectorsTest.messageFiles().toList()) {
            byte[] msg = GtkgCaptures.read(file);
            byte type = msg[16];
            for (int n = Header.SIZE; n < msg.length; n++) {
                byte[] cut = Arrays.copyOfRange(msg, Header.SIZE, n);
                try {
                    MessageCodec.decode(type, cut);
                } catch (BadMessageException expected) {
                    // fine
                }
            }
        }
    }

    @Test
    void fixedPartsMustBeComplete() {
        assertBad(MessageType.PONG, "7440" + "7f000001" + "06000000" + "000800");
        assertBad(MessageType.PUSH, "5a454252415f534552564e545f494400" + "07000000" + "7f000001" + "6a");
        assertBad(MessageType.VENDOR, "4c494d45" + "1500" + "01");
        assertBad(MessageType.BYE, "c8");
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "");
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "00004000");
        assertBad(MessageType.ROUTE_TABLE_UPDATE, "01010104");
        assertBad(MessageType.QUERY, "80");
        assertBad(MessageType.QUERY_HIT, "00" + "7440" + "7f000001" + "40000000" + "897b31022424a889aca25a6896608c");
    }

    @Test
    void queryTextWithoutNulIsBad() {
        assertThatThrownBy(() -> MessageCodec.decode(MessageType.QUERY, HEX.parseHex("80007a65627261")))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("NUL-terminated");
    }

    @Test
    void hitResultWithoutNulsIsBad() {
        // One result whose name runs into the servent id: nothing terminates it.
        String hit = "01" + "7440" + "7f000001" + "40000000" + "01000000" + "0a000000" + "616263"
                + "00112233445566778899aabbccddeeff";
        assertBad(MessageType.QUERY_HIT, hit);
        // Name terminated, extension area not.
        String hit2 = "01" + "7440" + "7f000001" + "40000000" + "01000000" + "0a000000" + "61626300" + "78"
                + "00112233445566778899aabbccddeeff";
        assertBad(MessageType.QUERY_HIT, hit2);
    }

    @Test
    void hitTrailerShorterThanVendorAndSizeIsBad() {
        String hit = "00" + "7440" + "7f000001" + "40000000" + "47544b47" + "00112233445566778899aabbccddeeff";
        assertBad(MessageType.QUERY_HIT, hit);
    }

    @Test
    void emptyPingIsAPlainPing() throws Exception {
        assertThat(MessageCodec.decode(MessageType.PING, new byte[0])).isEqualTo(Ping.PLAIN);
    }

    static void assertBad(byte type, String hex) {
        assertThatThrownBy(() -> MessageCodec.decode(type, HEX.parseHex(hex))).as(hex)
                .isInstanceOf(BadMessageException.class);
    }
}
