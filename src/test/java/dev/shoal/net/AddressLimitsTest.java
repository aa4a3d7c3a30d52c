package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.AddressLimits.Kind;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** One address gets its share of each kind, closing gives it all back, and the node caps sockets in all. */
class AddressLimitsTest {
    private final PeerLimits limits = PeerLimits.defaults(32, 16).withPerAddress(2, 3, 1, 2);
    private final AddressLimits shares = new AddressLimits(limits);

    private static SessionContext session() {
        return new SessionContext(false, 0, null);
    }

    @Test
    void eachKindHasItsCapPerAddress() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        assertThat(shares.acquire(session(), a, Kind.SOCKET)).isNull();
        assertThat(shares.acquire(session(), a, Kind.SOCKET)).isNull();
        assertThat(shares.acquire(session(), a, Kind.SOCKET)).isEqualTo(DropReason.ADDRESS_SOCKETS);
        assertThat(shares.acquire(session(), a, Kind.LEAF)).isNull();
        assertThat(shares.acquire(session(), a, Kind.LEAF)).isEqualTo(DropReason.ADDRESS_LEAVES);
        assertThat(shares.acquire(session(), a, Kind.HTTP)).isNull();
        assertThat(shares.acquire(session(), a, Kind.HTTP)).isNull();
        assertThat(shares.acquire(session(), a, Kind.HTTP)).isEqualTo(DropReason.ADDRESS_HTTP);
        assertThat(shares.room(a, Kind.LINK)).isEqualTo(3);
        assertThat(shares.acquire(session(), InetAddress.getByName("192.0.2.2"), Kind.SOCKET))
                .as("another address").isNull();
    }

    @Test
    void closingGivesEverythingBackOnceAndForgetsTheAddress() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.3");
        SessionContext ctx = session();
        shares.acquire(ctx, a, Kind.SOCKET);
        shares.release(ctx, Kind.SOCKET);
        shares.acquire(ctx, a, Kind.LINK);
        shares.acquire(ctx, a, Kind.LEAF);
        assertThat(shares.count(a, Kind.LINK)).isEqualTo(1);
        shares.releaseAll(ctx);
        shares.releaseAll(ctx);
        assertThat(shares.count(a, Kind.LINK)).isZero();
        assertThat(shares.count(a, Kind.LEAF)).isZero();
        assertThat(shares.addresses()).isZero();
        assertThat(shares.sockets()).isZero();
    }

    @Test
    void socketsAreCappedInAllToo() throws Exception {
        AddressLimits few = new AddressLimits(new PeerLimits(limits.budgets(), 1, 3, 2, 2, 2, 30,
                limits.firstBan(), limits.longestBan(), 10, limits.httpHeadTimeout(), limits.httpStall(),
                limits.sendStall()));
        for (int i = 1; i <= 3; i++) {
            assertThat(few.acquire(session(), InetAddress.getByName("192.0.2." + i), Kind.SOCKET)).isNull();
        }
        assertThat(few.acquire(session(), InetAddress.getByName("192.0.2.9"), Kind.SOCKET))
                .isEqualTo(DropReason.SOCKETS_FULL);
        assertThat(few.addresses()).as("a refused address is not kept").isEqualTo(3);
    }
}
