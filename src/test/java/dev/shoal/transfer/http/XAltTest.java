package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.HostPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class XAltTest {
    @Test
    void onlyLiteralIpv4AddressesAreReadAndNoNameIsResolved() throws Exception {
        List<InetSocketAddress> parsed = XAlt.parse(
                "tls=C0, 127.10.0.1:6347 , 127.10.0.2, host.example:6346, 127.10.0.300:1, 0.0.0.0:1, 127.10.0.3:0, 127.1.2.4:99999");
        assertThat(parsed).containsExactly(new InetSocketAddress(InetAddress.getByName("127.10.0.1"), 6347),
                new InetSocketAddress(InetAddress.getByName("127.10.0.2"), HostPort.DEFAULT_PORT));
        assertThat(XAlt.parse("")).isEmpty();
        assertThat(XAlt.parseHostPort("127.1.2.3:")).isNull();
        assertThat(XAlt.parseHostPort("127.1.2:5")).isNull();
    }

    @Test
    void formatsWhatItParses() throws Exception {
        List<InetSocketAddress> locations = List.of(new InetSocketAddress(InetAddress.getByName("127.10.0.1"), 6347),
                new InetSocketAddress(InetAddress.getByName("127.10.0.2"), 6346),
                InetSocketAddress.createUnresolved("host.example", 1));
        assertThat(XAlt.format(locations)).isEqualTo("127.10.0.1:6347, 127.10.0.2:6346");
        assertThat(XAlt.parse(XAlt.format(locations))).isEqualTo(locations.subList(0, 2));
    }
}
