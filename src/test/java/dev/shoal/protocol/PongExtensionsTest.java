package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DU, UP and IPP in Pongs: read from gtk-gnutella's own pong and written the way it reads them. */
class PongExtensionsTest {
    @Test
    void gtkGnutellasOwnPongSaysUltrapeerWithFreeSlotsAndItsUptime() throws Exception {
        byte[] frame = GtkgCaptures.read("pong-own-ggep.bin");
        Pong pong = (Pong) MessageCodec.decode(MessageType.PONG, Arrays.copyOfRange(frame, 23, frame.length));

        // UP = 02 ff 30: version 2, 255 free leaf slots (capped), 48 free ultrapeer slots.
        assertThat(PongExtensions.freeSlots(pong.ggep())).contains(new PongExtensions.FreeSlots(255, 0x30));
        assertThat(PongExtensions.dailyUptimeSeconds(pong.ggep())).hasValue(2);
        assertThat(PongExtensions.packedHosts(pong.ggep())).isEmpty();
    }

    @Test
    void aPongWithoutThemSaysNothing() {
        assertThat(PongExtensions.freeSlots(Ggep.EMPTY)).isEmpty();
        assertThat(PongExtensions.dailyUptimeSeconds(Ggep.EMPTY)).isEmpty();
        assertThat(PongExtensions.packedHosts(Ggep.EMPTY)).isEmpty();
    }

    @Test
    void ourUltrapeerAndUptimeExtensionsRoundTrip() throws Exception {
        Ggep g = Ggep.of(PongExtensions.dailyUptime(3_600), PongExtensions.ultrapeer(30, 300));
        Ggep back = Ggep.decode(g.encode());

        assertThat(HexFormat.of().formatHex(back.get("UP").orElseThrow())).isEqualTo("001eff");
        assertThat(PongExtensions.freeSlots(back)).contains(new PongExtensions.FreeSlots(30, 255));
        assertThat(PongExtensions.dailyUptimeSeconds(back)).hasValue(3_600);
        assertThat(PongExtensions.dailyUptimeSeconds(Ggep.of(PongExtensions.dailyUptime(1_000_000)))).hasValue(86_400);
    }

    @Test
    void packedHostsAreIpInNetworkOrderThenPortLittleEndian() {
        InetSocketAddress a = new InetSocketAddress("10.1.2.3", 6346);
        InetSocketAddress b = new InetSocketAddress("127.0.0.1", 0x1234);
        GgepExtension ipp = PongExtensions.packedHosts(List.of(a, b));

        assertThat(HexFormat.of().formatHex(ipp.value())).isEqualTo("0a010203" + "ca18" + "7f000001" + "3412");
        assertThat(PongExtensions.packedHosts(Ggep.of(ipp))).containsExactly(a, b);
    }

    @Test
    void aHostWithPortZeroAndATrailingPartialEntryAreSkipped() {
        byte[] v = HexFormat.of().parseHex("0a010203" + "0000" + "7f000001" + "3412" + "0102");
        assertThat(PongExtensions.packedHosts(Ggep.of(GgepExtension.of("IPP", v))))
                .containsExactly(new InetSocketAddress("127.0.0.1", 0x1234));
    }
}
