package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BEAR/7, LIME/21, LIME/22, GGEP PUSH and the push proxy request target, byte for byte. */
class ReachMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Guid ID = Guid.fromHex("00112233445566778899aabbccddeeff");

    @Test
    void tcpConnectBackCarriesThePortLittleEndian() throws BadMessageException {
        VendorMessage v = ConnectBack.request(6346);

        assertThat(HEX.formatHex(v.encode())).isEqualTo("424541520700" + "0100" + "ca18");
        assertThat(ConnectBack.port((VendorMessage) MessageCodec.decode(MessageType.VENDOR, v.encode())))
                .isEqualTo(6346);
    }

    @Test
    void aConnectBackToPortZeroOrWithoutAPortIsMalformed() {
        VendorMessage zero = new VendorMessage("BEAR", 7, 1, new byte[] {0, 0});
        VendorMessage empty = new VendorMessage("BEAR", 7, 1, new byte[0]);

        assertThatThrownBy(() -> ConnectBack.port(zero)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> ConnectBack.port(empty)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void udpConnectBackV2CarriesThePortAndUsesTheMessageGuid() throws BadMessageException {
        VendorMessage v = UdpConnectBack.request(6346);

        assertThat(HEX.formatHex(v.encode())).isEqualTo("47544b470700" + "0200" + "ca18");
        VendorMessage back = (VendorMessage) MessageCodec.decode(MessageType.VENDOR, v.encode());
        assertThat(UdpConnectBack.ask(back, ID)).isEqualTo(new UdpConnectBack.Ask(6346, ID));
    }

    @Test
    void udpConnectBackV1CarriesItsOwnGuidAfterThePort() throws BadMessageException {
        Guid other = Guid.fromHex("ffeeddccbbaa99887766554433221100");
        VendorMessage v1 = new VendorMessage("GTKG", 7, 1,
                HEX.parseHex("ca18" + "ffeeddccbbaa99887766554433221100"));

        assertThat(UdpConnectBack.ask(v1, ID)).isEqualTo(new UdpConnectBack.Ask(6346, other));
        assertThatThrownBy(() -> UdpConnectBack.ask(new VendorMessage("GTKG", 7, 1, HEX.parseHex("ca18")), ID))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> UdpConnectBack.ask(new VendorMessage("GTKG", 7, 2, HEX.parseHex("0000")), ID))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> UdpConnectBack.ask(new VendorMessage("GTKG", 7, 2, new byte[1]), ID))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void theProbeIsLimeWiresLineOrGtkGnutellasEmptyLine() {
        assertThat(ConnectBack.PROBE).isEqualTo("CONNECT BACK\r\n\r\n");
        assertThat(ConnectBack.isProbe("CONNECT BACK")).isTrue();
        assertThat(ConnectBack.isProbe("")).isTrue();
        assertThat(ConnectBack.isProbe("GNUTELLA CONNECT/0.6")).isFalse();
    }

    @Test
    void pushProxyAckCarriesIpInNetworkOrderThenPortLittleEndian() throws BadMessageException {
        VendorMessage ack = PushProxy.ack(new InetSocketAddress("10.1.2.3", 6346));

        assertThat(HEX.formatHex(ack.encode())).isEqualTo("4c494d451600" + "0200" + "0a010203" + "ca18");
        assertThat(PushProxy.proxyOf(ack)).isEqualTo(new InetSocketAddress("10.1.2.3", 6346));
        assertThat(HEX.formatHex(PushProxy.request().encode())).isEqualTo("4c494d451500" + "0200");
        assertThatThrownBy(() -> PushProxy.proxyOf(new VendorMessage("LIME", 22, 2, new byte[3])))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void hitsListAtMostFourProxiesUnderPushAndReadUpToEight() throws BadMessageException {
        List<InetSocketAddress> five = List.of(new InetSocketAddress("10.0.0.1", 1), new InetSocketAddress("10.0.0.2", 2),
                new InetSocketAddress("10.0.0.3", 3), new InetSocketAddress("10.0.0.4", 4),
                new InetSocketAddress("10.0.0.5", 5));
        Ggep g = PushProxy.inHit(five);
        QueryHit hit = new QueryHit(new InetSocketAddress("10.9.9.9", 6346), 1, List.of(), "SHOL",
                QueryHit.Flags.of(true, false, false, false, true), g, new byte[0], ID);

        QueryHit back = (QueryHit) MessageCodec.decode(MessageType.QUERY_HIT, hit.encode());

        assertThat(g.get("PUSH")).hasValueSatisfying(v -> assertThat(HEX.formatHex(v)).startsWith("0a0000010100"));
        assertThat(PushProxy.ofHit(back)).containsExactlyElementsOf(five.subList(0, 4));
        assertThat(back.pushNeeded()).isTrue();
        assertThat(PushProxy.inHit(List.of()).isEmpty()).isTrue();
    }

    @Test
    void aProxyRequestTargetNamesTheServentInBase32OrHex() throws BadMessageException {
        PushProxy.Request r = new PushProxy.Request(ID, 7);
        String target = r.target();

        assertThat(target).isEqualTo("/gnutella/push-proxy?ServerID=" + Base32.encode(ID.toBytes()) + "&file=7");
        assertThat(PushProxy.parseTarget(target)).isEqualTo(r);
        assertThat(PushProxy.parseTarget("/gnutella/push-proxy?ServerId=" + Base32.encode(ID.toBytes()).toLowerCase()))
                .isEqualTo(new PushProxy.Request(ID, 0));
        assertThat(PushProxy.parseTarget("/gnet/push-proxy?guid=00112233445566778899AABBCCDDEEFF"))
                .isEqualTo(new PushProxy.Request(ID, 0));
    }

    @Test
    void aMalformedProxyRequestTargetIsRefused() {
        for (String bad : List.of("/gnutella/push-proxy?file=1", "/gnutella/push-proxy?ServerID=SHORT",
                "/gnutella/push-proxy?ServerID=" + Base32.encode(ID.toBytes()) + "&file=x",
                "/gnutella/push-proxy?ServerID=" + Base32.encode(ID.toBytes()) + "&file=4294967296",
                "/gnet/push-proxy?guid=zz112233445566778899aabbccddeeff", "/uri-res/N2R?urn:sha1:X")) {
            assertThatThrownBy(() -> PushProxy.parseTarget(bad)).as(bad).isInstanceOf(BadMessageException.class);
        }
    }
}
