package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.time.VirtualTime;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Too many connects a minute get an address banned for a while, longer each time; on virtual time. */
class BanListTest {
    private final VirtualTime time = new VirtualTime();
    private final PeerLimits limits = PeerLimits.defaults(32, 16)
            .withConnectRate(3, Duration.ofMinutes(5), Duration.ofMinutes(15));
    private final BanList bans = new BanList(limits, time);

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void theConnectPastTheBurstBansTheAddressAndOnlyIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(bans.admit(ip("192.0.2.1"))).isNull();
        }
        assertThat(bans.admit(ip("192.0.2.1"))).isEqualTo(DropReason.CONNECT_RATE);
        assertThat(bans.admit(ip("192.0.2.1"))).isEqualTo(DropReason.BANNED);
        assertThat(bans.isBanned(ip("192.0.2.1"))).isTrue();
        assertThat(bans.admit(ip("192.0.2.2"))).as("another address").isNull();
        assertThat(bans.banned()).isEqualTo(1);
    }

    @Test
    void aBanEndsAndTheNextOneLastsTwiceAsLongUpToTheLongest() throws Exception {
        InetAddress a = ip("192.0.2.7");
        for (int i = 0; i < 4; i++) {
            bans.admit(a);
        }
        time.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(bans.admit(a)).isEqualTo(DropReason.BANNED);
        time.advance(Duration.ofSeconds(1));
        assertThat(bans.admit(a)).as("the first ban is over").isNull();

        for (int i = 0; i < 3; i++) {
            bans.admit(a);
        }
        assertThat(bans.isBanned(a)).as("second ban").isTrue();
        time.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(bans.isBanned(a)).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(bans.isBanned(a)).isFalse();

        for (int round = 0; round < 3; round++) {
            while (bans.admit(a) == null) {
                // use up the burst
            }
            time.advance(Duration.ofMinutes(15));
            assertThat(bans.isBanned(a)).as("never longer than the longest ban").isFalse();
        }
    }

    @Test
    void connectsEarnedBackAtTheRateAreFine() throws Exception {
        InetAddress a = ip("192.0.2.9");
        for (int i = 0; i < 30; i++) {
            assertThat(bans.admit(a)).as("connect %d, 20 s apart", i).isNull();
            time.advance(Duration.ofSeconds(20));
        }
    }

    @Test
    void itRemembersABoundedNumberOfAddresses() throws Exception {
        BanList small = new BanList(new PeerLimits(limits.budgets(), 8, 512, 2, 2, 2, 3, Duration.ofMinutes(5),
                Duration.ofHours(1), 100, Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)), time);
        for (int i = 0; i < 1000; i++) {
            small.admit(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        assertThat(small.tracked()).isEqualTo(100);
    }
}
