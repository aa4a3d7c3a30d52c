package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import dev.shoal.protocol.Urn;
import org.junit.jupiter.api.Test;

class MagnetTest {
    private static final String SHA1 = "urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ";

    @Test
    void parsesUrnNameSizeAndSources() throws Exception {
        Magnet m = Magnet.parse("magnet:?xt=" + SHA1 + "&dn=Caf%C3%A9+menu%202025.txt&xl=780"
                + "&xs=http%3A%2F%2F127.11.2.3%3A6348%2Furi-res%2FN2R%3F" + SHA1
                + "&xs=http://127.11.2.4:6346/get/3/Caf%25C3%25A9.txt&as=127.11.2.5:7000&xs=http://example.org:80/x");
        assertThat(m.urn().toString()).isEqualTo(SHA1);
        assertThat(m.displayName()).isEqualTo("Café menu 2025.txt");
        assertThat(m.size()).hasValue(780);
        assertThat(m.sources()).containsExactly(
                Source.of(new InetSocketAddress(InetAddress.getByName("127.11.2.3"), 6348)),
                new Source(new InetSocketAddress(InetAddress.getByName("127.11.2.4"), 6346), 3, "Café.txt"),
                Source.of(new InetSocketAddress(InetAddress.getByName("127.11.2.5"), 7000)));
        assertThat(m.sources().get(1).hasIndex()).isTrue();
        assertThat(DownloadRequest.fromMagnet(m).size()).isEqualTo(780);
    }

    @Test
    void bitprintIsDownConvertedAndRoundTrips() {
        Magnet m = Magnet.parse("MAGNET:?xt.1=urn:bitprint:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ."
                + "TZR4DZYEPDY5XKR44ROT6B53IZMZPJUBLHURHDQ&dn=a%20b");
        assertThat(m.urn().toString()).isEqualTo(SHA1);
        assertThat(Magnet.parse(m.toUri())).isEqualTo(m);
        assertThat(m.toUri()).isEqualTo("magnet:?xt=" + SHA1 + "&dn=a%20b");
    }

    @Test
    void aFileWeShareGetsALinkWithOurAddressAndItReadsBackTheSame() throws Exception {
        InetSocketAddress us = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6348);
        Magnet m = Magnet.of(Urn.parse(SHA1), "Café & crème 100%.ogg", 378_392, Optional.of(us));
        assertThat(m.toUri()).isEqualTo("magnet:?xt=" + SHA1 + "&dn=Caf%C3%A9%20%26%20cr%C3%A8me%20100%25.ogg"
                + "&xl=378392&xs=http://127.0.0.1:6348/uri-res/N2R?" + SHA1);
        Magnet back = Magnet.parse(m.toUri());
        assertThat(back).isEqualTo(m);
        assertThat(back.displayName()).isEqualTo("Café & crème 100%.ogg");
        assertThat(back.sources()).containsExactly(Source.of(us));
    }

    @Test
    void aFileWeDoNotShareGetsNoSourceAndAnUnknownSizeIsLeftOut() throws Exception {
        Magnet m = Magnet.of(Urn.parse(SHA1), "a+b.txt", -1, Optional.empty());
        assertThat(m.toUri()).isEqualTo("magnet:?xt=" + SHA1 + "&dn=a%2Bb.txt");
        assertThat(Magnet.parse(m.toUri())).isEqualTo(m);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 6346);
        assertThat(Magnet.of(Urn.parse(SHA1), "", 0, Optional.of(v6)).toUri())
                .isEqualTo("magnet:?xt=" + SHA1 + "&xl=0&xs=http://%5B0:0:0:0:0:0:0:1%5D:6346/uri-res/N2R?" + SHA1);
    }

    @Test
    void rejectsLinksWithoutSha1() {
        assertThatThrownBy(() -> Magnet.parse("magnet:?dn=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Magnet.parse("http://x/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownloadRequest.fromMagnet(Magnet.parse("magnet:?xt=" + SHA1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourcesAreEqualByAddressOnly() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("127.10.0.1"), 6346);
        assertThat(new Source(a, 3, "x")).isEqualTo(Source.of(a)).hasSameHashCodeAs(Source.of(a));
        assertThat(Source.of(a)).isNotEqualTo(Source.of(new InetSocketAddress(a.getAddress(), 6347)));
    }
}
