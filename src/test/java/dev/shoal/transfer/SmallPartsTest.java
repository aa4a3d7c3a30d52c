package dev.shoal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upload slots, alt-locs, file names and URL coding. */
class SmallPartsTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

    @Test
    void slotsAreFifoAndQueuedHoldersExpire() {
        UploadSlots slots = new UploadSlots(2, java.time.Duration.ofSeconds(10));
        Object a = "a";
        Object b = "b";
        Object c = "c";
        Object d = "d";
        assertThat(slots.acquire(a, 0).granted()).isTrue();
        assertThat(slots.acquire(b, 0).granted()).isTrue();
        assertThat(slots.acquire(a, 0).granted()).isTrue();
        assertThat(slots.acquire(c, 0)).isEqualTo(new UploadSlots.Decision(false, 1));
        assertThat(slots.acquire(d, 0)).isEqualTo(new UploadSlots.Decision(false, 2));
        slots.release(a);
        // d polls first but c is ahead of it; c then gets the slot.
        assertThat(slots.acquire(d, 1000)).isEqualTo(new UploadSlots.Decision(false, 2));
        assertThat(slots.acquire(c, 1000).granted()).isTrue();
        assertThat(slots.acquire(d, 1000)).isEqualTo(new UploadSlots.Decision(false, 1));
        slots.release(b);
        assertThat(slots.acquire(d, 2000).granted()).isTrue();
        // Someone who stops polling drops out of the line.
        Object e = "e";
        Object f = "f";
        assertThat(slots.acquire(e, 3000).queuePosition()).isEqualTo(1);
        assertThat(slots.acquire(f, 100_000).queuePosition()).isEqualTo(1);
        assertThat(slots.queued()).isEqualTo(1);
        assertThat(slots.active()).isEqualTo(2);
    }

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

    @Test
    void networkNamesBecomeSafeFileNames() {
        assertThat(FileNames.sanitize("../../etc/passwd", URN)).isEqualTo("_.._etc_passwd");
        assertThat(FileNames.sanitize("..", URN)).isEqualTo(URN.base32());
        assertThat(FileNames.sanitize("a\0b\nc:d\\e.txt", URN)).isEqualTo("a_b_c_d_e.txt");
        assertThat(FileNames.sanitize("Café Récif – été.txt", URN)).isEqualTo("Café Récif – été.txt");
        assertThat(FileNames.sanitize("x".repeat(500), URN)).hasSize(200);
        assertThat(FileNames.numbered("song.mp3", 1)).isEqualTo("song (1).mp3");
        assertThat(FileNames.numbered("README", 2)).isEqualTo("README (2)");
        assertThat(FileNames.numbered(".hidden", 1)).isEqualTo(".hidden (1)");
    }

    @Test
    void urlCodingRoundTripsUtf8AndRejectsBadEscapes() {
        String name = "Café Récif – été (1).txt";
        assertThat(UrlCoding.decode(UrlCoding.encode(name), false)).isEqualTo(name);
        assertThat(UrlCoding.encode("a b/c")).isEqualTo("a%20b%2Fc");
        assertThat(UrlCoding.decode("a+b", true)).isEqualTo("a b");
        assertThat(UrlCoding.decode("a+b", false)).isEqualTo("a+b");
        for (String bad : List.of("%", "%4", "%zz", "%C3", "%FF%FE")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> UrlCoding.decode(bad, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
