package dev.shoal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AltLocsTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

    private static InetSocketAddress at(int last, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName("127.10.0." + last), port);
    }

    @Test
    void theNewestHeardComesFirstAndARemovedOneIsGone() throws Exception {
        AltLocs mesh = new AltLocs();
        mesh.add(URN, List.of(at(1, 6347), at(2, 6346)));
        mesh.add(URN, List.of(at(1, 6347)));
        assertThat(mesh.get(URN, 10)).containsExactly(at(1, 6347), at(2, 6346));
        assertThat(mesh.get(URN, 1)).containsExactly(at(1, 6347));
        mesh.remove(URN, at(1, 6347));
        assertThat(mesh.get(URN, 10)).containsExactly(at(2, 6346));
        assertThat(mesh.get(Urn.parse("urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 10)).isEmpty();
    }

    @Test
    void aUrnKeepsOnlyItsNewestLocations() throws Exception {
        AltLocs mesh = new AltLocs();
        List<InetSocketAddress> many = new ArrayList<>();
        for (int port = 1; port <= 100; port++) {
            many.add(at(1, port));
        }
        mesh.add(URN, many);
        List<InetSocketAddress> kept = mesh.get(URN, 1000);
        assertThat(kept).hasSize(64).startsWith(at(1, 100)).endsWith(at(1, 37));
    }
}
