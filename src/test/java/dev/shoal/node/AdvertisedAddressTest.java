package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvertisedAddressTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("0.0.0.0", 6346);

    @Test
    void aSpecificBindIsAdvertisedWhateverThePeerSays() {
        InetSocketAddress bound = new InetSocketAddress("127.0.0.2", 6346);

        assertThat(AdvertisedAddress.of(bound, Optional.of("127.9.9.9"))).isEqualTo(bound);
    }

    @Test
    void boundToAllInterfacesTheAddressThePeerSeesIsAdvertised() {
        assertThat(AdvertisedAddress.of(ANY, Optional.of(" 127.3.4.5 ")))
                .isEqualTo(new InetSocketAddress("127.3.4.5", 6346));
    }

    @Test
    void aHostNameOrNothingFallsBackToLoopbackWithoutALookup() {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 6346);

        assertThat(AdvertisedAddress.of(ANY, Optional.of("peer.invalid"))).isEqualTo(loopback);
        assertThat(AdvertisedAddress.of(ANY, Optional.empty())).isEqualTo(loopback);
    }

    /** Regression: a peer that said it sees us at an IPv6 address made every hit we built for its link fail. */
    @Test
    void anIpv6RemoteIpIsNotAdvertisedSinceMessagesCarryIpv4() {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 6346);

        assertThat(AdvertisedAddress.of(ANY, Optional.of("::1"))).isEqualTo(loopback);
        assertThat(AdvertisedAddress.known(ANY, Optional.of("2001:db8::7"))).isEmpty();
    }
}
