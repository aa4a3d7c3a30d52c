package dev.shoal.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HandshakeHeadersTest {
    @Test
    void lookupIgnoresCaseButOutputKeepsTheGivenSpelling() {
        HandshakeHeaders h = HandshakeHeaders.builder().add("X-Ultrapeer", "True").add("Listen-IP", "127.1.2.4:6346").build();
        assertThat(h.get("x-ULTRAPEER")).contains("True");
        assertThat(h.isTrue("x-ultrapeer")).isTrue();
        assertThat(h.format()).isEqualTo("X-Ultrapeer: True\r\nListen-IP: 127.1.2.4:6346\r\n");
    }

    @Test
    void repeatsMergeAtTheFirstPosition() {
        HandshakeHeaders h = HandshakeHeaders.builder().add("A", "1").add("B", "2").add("a", "3").build();
        assertThat(h.names()).containsExactly("A", "B");
        assertThat(h.get("A")).contains("1,3");
    }

    @Test
    void tokensInCommaLists() {
        HandshakeHeaders h = HandshakeHeaders.builder().add("Accept-Encoding", "gzip, Deflate;q=1").build();
        assertThat(h.hasToken("accept-encoding", "deflate")).isTrue();
        assertThat(h.hasToken("Accept-Encoding", "br")).isFalse();
        assertThat(h.hasToken("Content-Encoding", "deflate")).isFalse();
    }

    @Test
    void rejectsNamesThatWouldBreakTheBlock() {
        assertThatThrownBy(() -> HandshakeHeaders.builder().add("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeHeaders.builder().add("X", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusLines() throws Exception {
        StatusLine ok = StatusLine.parse("GNUTELLA/0.6 200 OK");
        assertThat(ok.isOk()).isTrue();
        assertThat(ok.format()).isEqualTo("GNUTELLA/0.6 200 OK");
        StatusLine busy = StatusLine.parse("GNUTELLA/0.6 503 Too many leaf connections (25 max)");
        assertThat(busy.code()).isEqualTo(503);
        assertThat(busy.reason()).isEqualTo("Too many leaf connections (25 max)");
        assertThat(StatusLine.parse("GNUTELLA/0.7 200").reason()).isEmpty();
        assertThat(StatusLine.of(503, "Busy").format()).isEqualTo("GNUTELLA/0.6 503 Busy");
        assertThatThrownBy(() -> StatusLine.parse("HTTP/1.1 200 OK")).isInstanceOf(FramingException.class);
        assertThatThrownBy(() -> StatusLine.parse("GNUTELLA/0.6 2000 OK")).isInstanceOf(FramingException.class);
    }

    @Test
    void connectLines() throws Exception {
        assertThat(ConnectLine.parse("GNUTELLA CONNECT/0.6").speaks06()).isTrue();
        assertThat(ConnectLine.parse("GNUTELLA CONNECT/0.7").speaks06()).isTrue();
        assertThat(ConnectLine.parse("GNUTELLA CONNECT/0.4").speaks06()).isFalse();
        assertThat(ConnectLine.V0_6.format()).isEqualTo("GNUTELLA CONNECT/0.6");
        assertThatThrownBy(() -> ConnectLine.parse("GNUTELLA CONNECT/x.y")).isInstanceOf(FramingException.class);
    }

    @Test
    void hostPortsAreLiteralsOnly() {
        assertThat(HostPort.parseLiteral("127.0.0.1:6346")).contains(new InetSocketAddress("127.0.0.1", 6346));
        assertThat(HostPort.parseLiteral("[::1]:6346")).isPresent();
        assertThat(HostPort.parseLiteral("example.com:6346")).isEmpty();
        assertThat(HostPort.parseLiteral("127.1.2.4:0")).isEmpty();
        assertThat(HostPort.parseLiteral("127.1.2.256:1")).isEmpty();
        assertThat(HostPort.parseLiteralList("127.1.2.4:1, bogus, 127.5.6.8:2")).hasSize(2);
        assertThat(HostPort.formatList(HostPort.parseLiteralList("127.1.2.4:1,127.5.6.8:2"))).isEqualTo("127.1.2.4:1,127.5.6.8:2");
    }
}
