package dev.shoal.protocol;

import static dev.shoal.protocol.CodecInsufficientDataTest.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Length and count fields inside payloads that promise more than is there. */
class CodecBadDeclaredLengthTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SERVENT = "00112233445566778899aabbccddeeff";

    @Test
    void ggepLengthBeyondThePayloadIsBad() {
        assertBad(MessageType.PING, "c3" + "83534350" + "42" + "03");
        assertBad(MessageType.PONG, "7440" + "7f000001" + "06000000" + "00080000" + "c3" + "824455" + "818040" + "02");
        assertBad(MessageType.QUERY, "8000" + "6100" + "c3" + "824d44" + "7f" + "01" + "00");
    }

    @Test
    void hitCountBeyondTheResultsIsBad() {
        String oneResult = "01000000" + "0a000000" + "6100" + "00";
        assertBad(MessageType.QUERY_HIT, "02" + "7440" + "7f000001" + "40000000" + oneResult + SERVENT);
    }

    @Test
    void hitCountBelowTheResultsIsBad() {
        // Declared 0 results: the result bytes are read as a trailer whose open-data size (0x0a)
        // overruns what is left.
        String oneResult = "01000000" + "0a000000" + "6100" + "00";
        assertBad(MessageType.QUERY_HIT, "00" + "7440" + "7f000001" + "40000000" + oneResult + SERVENT);
    }

    @Test
    void openDataSizeBeyondTheTrailerIsBad() {
        assertBad(MessageType.QUERY_HIT, "00" + "7440" + "7f000001" + "40000000" + "47544b47" + "09" + "2d21" + SERVENT);
    }

    @Test
    void xmlLengthBeyondThePrivateAreaIsBad() {
        assertBad(MessageType.QUERY_HIT,
                "00" + "7440" + "7f000001" + "40000000" + "4c494d45" + "04" + "1c1c" + "0500" + "00" + SERVENT);
    }

    @Test
    void xmlBlockIsSplitOffByItsDeclaredLength() throws Exception {
        String xml = HEX.formatHex("<a/>".getBytes()) + "00";
        String hex = "00" + "7440" + "7f000001" + "40000000" + "4c494d45" + "04" + "1c1c" + "0500" + "00" + "c3824248"
                + "40" + xml + SERVENT;
        QueryHit h = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, HEX.parseHex(hex));
        assertThat(h.xmlData()).isEqualTo(HEX.parseHex(xml));
        assertThat(h.privateData()).containsExactly(0);
        assertThat(h.browseHost()).isTrue();
        assertThat(h.encode()).isEqualTo(HEX.parseHex(hex));
    }
}
