package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void whatAUserTypesMayNameAHostAndIsNotLookedUpUntilAsked() {
        HostPort typed = HostPort.parse(" peer.example:6346 ");
        assertThat(typed).isEqualTo(new HostPort("peer.example", 6346));
        assertThat(typed.unresolved().isUnresolved()).isTrue();
        assertThat(typed.toString()).isEqualTo("peer.example:6346");
        assertThat(HostPort.parse("[::1]:7000")).isEqualTo(new HostPort("::1", 7000));
        assertThat(HostPort.parse("[::1]:7000").toString()).isEqualTo("[::1]:7000");
        assertThat(HostPort.parse("127.0.0.1:6346").resolve()).isEqualTo(new InetSocketAddress("127.0.0.1", 6346));
    }

    @Test
    void mistakesAreExplainedInWordsForTheUser() {
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessage("type a host and port, such as 127.0.0.1:6346");
        assertThatThrownBy(() -> HostPort.parse("::1:6346")).hasMessageContaining("host and port");
        assertThatThrownBy(() -> HostPort.parse(":6346")).hasMessageContaining("host and port");
        assertThatThrownBy(() -> HostPort.parse("h:")).hasMessageContaining("host and port");
        assertThatThrownBy(() -> HostPort.parse("h:x")).hasMessageStartingWith("'x' is not a port number");
        assertThatThrownBy(() -> HostPort.parse("h:70000")).hasMessage("the port must be 1 to 65535, not 70000");
        assertThatThrownBy(() -> HostPort.parse("h:0")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> HostPort.parse(null)).hasMessageContaining("host and port");
    }

    @Test
    void whatAPeerSendsCountsOnlyAsALiteral() {
        assertThat(HostPort.parseLiteral("127.0.0.1:6346")).contains(new InetSocketAddress("127.0.0.1", 6346));
        assertThat(HostPort.parseLiteral("[::1]:6346")).isPresent();
        assertThat(HostPort.parseLiteral("peer.example:6346")).isEmpty();
        assertThat(HostPort.parseLiteral("127.0.0.1:0")).isEmpty();
        assertThat(HostPort.parseLiteral("127.0.0.256:1")).isEmpty();
        assertThat(HostPort.parseLiteralList("127.0.0.2:1, bogus, 127.0.0.3:2")).containsExactly(
                new InetSocketAddress("127.0.0.2", 1), new InetSocketAddress("127.0.0.3", 2));
    }

    @Test
    void wherePeersMayLeaveThePortOutTheGnutellaPortIsAssumed() {
        assertThat(HostPort.parseLiteral("127.0.0.5", HostPort.DEFAULT_PORT))
                .contains(new InetSocketAddress("127.0.0.5", 6346));
        assertThat(HostPort.parseLiteral("127.0.0.5:7000", HostPort.DEFAULT_PORT))
                .contains(new InetSocketAddress("127.0.0.5", 7000));
        assertThat(HostPort.parseLiteral("[::1]", 6346)).contains(new InetSocketAddress("::1", 6346));
        assertThat(HostPort.parseLiteral("[::1]:7000", 6346)).contains(new InetSocketAddress("::1", 7000));
        assertThat(HostPort.parseLiteral("peer.example", 6346)).isEmpty();
        assertThat(HostPort.parseLiteral("127.0.0.5:", 6346)).isEmpty();
    }

    @Test
    void addressesAreWrittenWithoutASlashAndIpv6InBrackets() {
        assertThat(HostPort.format(new InetSocketAddress("127.0.0.1", 6346))).isEqualTo("127.0.0.1:6346");
        assertThat(HostPort.format(new InetSocketAddress("::1", 6346))).isEqualTo("[0:0:0:0:0:0:0:1]:6346");
        assertThat(HostPort.format(InetSocketAddress.createUnresolved("peer.example", 1))).isEqualTo("peer.example:1");
        assertThat(HostPort.formatList(List.of(new InetSocketAddress("127.0.0.2", 1),
                new InetSocketAddress("127.0.0.3", 2)))).isEqualTo("127.0.0.2:1,127.0.0.3:2");
    }

    @Test
    void forPeopleAndHostHeadersTheHostIsShownAsItWasGiven() throws Exception {
        InetSocketAddress typed = new InetSocketAddress(InetAddress.getByAddress("peer.example", new byte[] {127, 0, 0, 5}), 6346);
        assertThat(HostPort.display(typed)).isEqualTo("peer.example:6346");
        assertThat(HostPort.format(typed)).as("messages carry the address").isEqualTo("127.0.0.5:6346");
        assertThat(HostPort.display(new InetSocketAddress("127.0.0.1", 6346))).isEqualTo("127.0.0.1:6346");
        assertThat(HostPort.display(new InetSocketAddress("::1", 6346))).isEqualTo("[0:0:0:0:0:0:0:1]:6346");
        assertThat(HostPort.display(InetSocketAddress.createUnresolved("peer.example", 1))).isEqualTo("peer.example:1");
        assertThat(HostPort.display(new InetSocketAddress("127.0.0.1", 0))).as("an unbound port").isEqualTo("127.0.0.1:0");
    }
}
