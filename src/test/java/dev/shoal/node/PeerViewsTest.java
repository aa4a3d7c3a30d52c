package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.PeerInfo;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerViewsTest {
    private static final HandshakeHeaders GTKG = HandshakeHeaders.builder()
            .add("User-Agent", "gtk-gnutella/1.2.3 (2024-03-03; Topless; Linux x86_64)").build();

    @Test
    void aPeersAddressesAreWrittenAsHostPortReadsThem() {
        PeerInfo p = PeerViews.peer(new FakeConnection(1, GTKG));
        assertThat(p.address()).isEqualTo("127.0.0.1:16001");
        assertThat(p.listenAddress()).isEqualTo("127.0.0.1:16001");
    }

    /** Regression: an IPv6 peer was written {@code 0:0:0:0:0:0:0:1:6346}, which the Network tab's browse could not read. */
    @Test
    void anIpv6PeerIsWrittenInBracketsSoItsListenAddressReadsBack() {
        InetSocketAddress v6 = new InetSocketAddress("::1", 6346);
        PeerInfo p = PeerViews.peer(new FakeConnection(1, GTKG, v6));

        assertThat(p.address()).isEqualTo("[0:0:0:0:0:0:0:1]:6346");
        assertThat(HostPort.parse(p.listenAddress()).resolve()).isEqualTo(v6);
    }

    @Test
    void theVendorIsTheUserAgentsFirstWord() {
        assertThat(PeerViews.vendorOf(" gtk-gnutella/1.2.3 (2024-03-03)")).isEqualTo("gtk-gnutella");
        assertThat(PeerViews.vendorOf("LimeWire")).isEqualTo("LimeWire");
    }
}
