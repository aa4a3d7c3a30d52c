package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GivTest {
    private static final Guid ID = Guid.fromHex("00112233445566778899aabbccddeeff");

    @Test
    void roundTripsThroughItsWireForm() throws Exception {
        Giv giv = new Giv(42, ID, "some song.ogg");
        String wire = giv.toWire();

        assertThat(wire).isEqualTo("GIV 42:00112233445566778899aabbccddeeff/some song.ogg\n\n");
        assertThat(Giv.parse(wire.substring(0, wire.length() - 2))).isEqualTo(giv);
    }

    @Test
    void readsUpperCaseHexAndTheNameOtherServentsSend() throws Exception {
        Giv giv = Giv.parse("GIV 4294967295:00112233445566778899AABBCCDDEEFF/file");

        assertThat(giv.index()).isEqualTo(0xFFFF_FFFFL);
        assertThat(giv.serventId()).isEqualTo(ID);
        assertThat(giv.name()).isEqualTo("file");
    }

    @Test
    void anEmptyNameIsAllowed() throws Exception {
        assertThat(Giv.parse("GIV 0:00112233445566778899aabbccddeeff/").name()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GIV", "GIV 1:0011/x", "GIV -1:00112233445566778899aabbccddeeff/x",
            "GIV 4294967296:00112233445566778899aabbccddeeff/x", "GIV 1:00112233445566778899aabbccddeeffgg/x",
            "GIV 1 00112233445566778899aabbccddeeff/x", "GIV 1:00112233445566778899aabbccddeeff",
            "GET / HTTP/1.1", "GIV ١:00112233445566778899aabbccddeeff/x"})
    void refusesMalformedLines(String line) {
        assertThatThrownBy(() -> Giv.parse(line)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void tellsAGivFromOtherFirstLines() {
        assertThat(Giv.isGiv("GIV 1:00112233445566778899aabbccddeeff/x")).isTrue();
        assertThat(Giv.isGiv("GET /get/1/x HTTP/1.1")).isFalse();
    }
}
