package dev.shoal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AltLocsTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

    @Test
    void altLocsParseOnlyLiteralAddressesAndKeepTheNewestFirst() throws Exception {
        List<InetSocketAddress> parsed = AltLocs.parseHeader(
                "tls=C0, 127.10.0.1:6347 , 127.10.0.2, host.example:6346, 127.10.0.300:1, 0.0.0.0:1, 127.10.0.3:0, 127.1.2.4:99999");
        assertThat(parsed).containsExactly(new InetSocketAddress(InetAddress.getByName("127.10.0.1"), 6347),
                new InetSocketAddress(InetAddress.getByName("127.10.0.2"), 6346));
        AltLocs mesh = new AltLocs();
        mesh.add(URN, parsed);
        mesh.add(URN, List.of(parsed.get(0)));
        assertThat(AltLocs.formatHeader(mesh.get(URN, 10))).isEqualTo("127.10.0.1:6347, 127.10.0.2:6346");
        mesh.remove(URN, parsed.get(0));
        assertThat(mesh.get(URN, 10)).containsExactly(parsed.get(1));
    }
}
