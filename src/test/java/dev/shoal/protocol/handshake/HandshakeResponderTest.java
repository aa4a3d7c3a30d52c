package dev.shoal.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.protocol.handshake.HandshakeResponse.Outcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeResponderTest {
    private static final String UA = "Shoal/0.1.0";
    private static final InetSocketAddress ME = new InetSocketAddress("127.0.0.1", 6346);
    private static final InetAddress PEER_IP = InetAddress.getLoopbackAddress();
    private static final List<InetSocketAddress> HOSTS = List.of(
            new InetSocketAddress("127.0.0.1", 17001), // the peer's own Listen-IP in the ultrapeer capture
            ME,
            new InetSocketAddress("127.0.0.2", 7000),
            new InetSocketAddress("127.0.0.3", 7001));

    private final HandshakeResponder responder = new HandshakeResponder(UA);

    private static NodeCapacity capacity(NodeRole role, int freeUp, int freeLeaf, boolean deflate) {
        return new NodeCapacity(role, freeUp, freeLeaf, ME, PEER_IP, HOSTS, deflate);
    }

    /** The request part of a capture (everything up to its first blank line). */
    private static HandshakeMessage request(String capture) throws Exception {
        return HandshakeReader.parse(GtkgCaptures.read(capture));
    }

    /** The response part of a capture: the second block. */
    private static HandshakeMessage response(String capture) throws Exception {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(GtkgCaptures.read(capture));
        HandshakeReader r = new HandshakeReader();
        r.feed(in).orElseThrow();
        return r.feed(in).orElseThrow();
    }

    @Test
    void ultrapeerAcceptsAnUltrapeerWithOurFullHeaderSetOnceEach() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-ultrapeer.txt"), false,
                capacity(NodeRole.ULTRAPEER, 5, 5, true));
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(r.deflateOutgoing()).isFalse();
        assertThat(r.toMessage().format()).isEqualTo("GNUTELLA/0.6 200 OK\r\n"
                + "User-Agent: Shoal/0.1.0\r\n"
                + "X-Ultrapeer: True\r\n"
                + "X-Degree: 32\r\n"
                + "X-Query-Routing: 0.1\r\n"
                + "X-Ultrapeer-Query-Routing: 0.1\r\n"
                + "X-Max-TTL: 4\r\n"
                + "X-Dynamic-Querying: 0.1\r\n"
                + "X-Requeries: False\r\n"
                + "Listen-IP: 127.0.0.1:6346\r\n"
                + "Remote-IP: 127.0.0.1\r\n"
                + "Pong-Caching: 0.1\r\n"
                + "GGEP: 0.5\r\n"
                + "Vendor-Message: 0.2\r\n"
                + "Bye-Packet: 0.1\r\n"
                + "Accept-Encoding: deflate\r\n"
                + "X-Ultrapeer-Needed: True\r\n"
                // The 200 suggests ultrapeers too, never the peer itself (17001) nor us.
                + "X-Try-Ultrapeers: 127.0.0.2:7000,127.0.0.3:7001\r\n"
                + "\r\n");
    }

    @Test
    void leafOfferingDeflateGetsContentEncoding() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-leaf-deflate.txt"), false,
                capacity(NodeRole.ULTRAPEER, 0, 1, true));
        assertThat(r.accepted()).isTrue();
        assertThat(r.deflateOutgoing()).isTrue();
        assertThat(r.headers().get("Content-Encoding")).contains("deflate");
        assertThat(r.headers().get("Accept-Encoding")).contains("deflate");
        assertThat(r.headers().contains("X-Ultrapeer-Needed")).isFalse();
    }

    @Test
    void whenWeDoNotCompressWeNeitherOfferNorUseDeflate() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-leaf-deflate.txt"), false,
                capacity(NodeRole.ULTRAPEER, 0, 1, false));
        assertThat(r.accepted()).isTrue();
        assertThat(r.deflateOutgoing()).isFalse();
        assertThat(r.headers().contains("Content-Encoding")).isFalse();
        assertThat(r.headers().contains("Accept-Encoding")).isFalse();
    }

    @Test
    void fullOfLeavesGives503WithTryHostsButNotThePeerNorUs() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-refused-503-too-many-leaves.txt"), false,
                capacity(NodeRole.ULTRAPEER, 3, 0, true));
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(r.status().code()).isEqualTo(503);
        assertThat(r.headers().get("X-Try-Ultrapeers")).contains("127.0.0.1:17001,127.0.0.2:7000,127.0.0.3:7001");
        assertThat(r.headers().get("X-Ultrapeer")).contains("True");
    }

    @Test
    void fullOfUltrapeersGives503AndSkipsThePeersOwnAddress() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-ultrapeer.txt"), false,
                capacity(NodeRole.ULTRAPEER, 0, 10, true));
        assertThat(r.status().code()).isEqualTo(503);
        assertThat(r.headers().get("X-Try-Ultrapeers")).contains("127.0.0.2:7000,127.0.0.3:7001");
    }

    @Test
    void noTryHeaderWhenWeKnowNoOtherHost() throws Exception {
        NodeCapacity lonely = new NodeCapacity(NodeRole.ULTRAPEER, 0, 0, ME, PEER_IP, List.of(ME), true);
        HandshakeResponse r = responder.respond(request("handshake-ultrapeer.txt"), false, lonely);
        assertThat(r.status().code()).isEqualTo(503);
        assertThat(r.headers().contains("X-Try-Ultrapeers")).isFalse();
    }

    @Test
    void aLeafShieldsItselfFromLeavesButTakesUltrapeers() throws Exception {
        HandshakeResponse leaf = responder.respond(request("handshake-leaf-deflate.txt"), false,
                capacity(NodeRole.LEAF, 3, 0, true));
        assertThat(leaf.status().code()).isEqualTo(503);
        assertThat(leaf.headers().get("X-Ultrapeer")).contains("False");
        assertThat(leaf.headers().contains("X-Try-Ultrapeers")).isTrue();

        HandshakeResponse up = responder.respond(request("handshake-outgoing-gtkg-initiates.txt"), false,
                capacity(NodeRole.LEAF, 3, 0, true));
        assertThat(up.accepted()).isTrue();
        assertThat(up.headers().get("X-Ultrapeer")).contains("False");
        assertThat(up.headers().get("Content-Encoding")).contains("deflate");
    }

    @Test
    void normalNodesAreRefusedWith403() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-refused-403-normal-nodes.txt"), false,
                capacity(NodeRole.ULTRAPEER, 5, 5, true));
        assertThat(r.status().code()).isEqualTo(403);
        assertThat(r.headers().contains("X-Try-Ultrapeers")).isFalse();
    }

    @Test
    void g2OnlyPeersGet406() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-refused-406-g2.txt"), false,
                capacity(NodeRole.ULTRAPEER, 5, 5, true));
        assertThat(r.status().code()).isEqualTo(406);
    }

    @Test
    void legacyConnectIsClosedWithoutAWord() throws Exception {
        HandshakeResponse r = responder.respond(request("handshake-legacy-0.4-closed.txt"), false,
                capacity(NodeRole.ULTRAPEER, 5, 5, true));
        assertThat(r.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(r.status()).isNull();
    }

    @Test
    void weAnnounceTheMaxTtlAndDegreeWeAreConfiguredWith() {
        HandshakeMessage m = new HandshakeResponder("Shoal/test", 7, 20).connectRequest(capacity(NodeRole.ULTRAPEER, 3, 0, true));
        assertThat(m.headers().get("X-Max-TTL")).contains("7");
        assertThat(m.headers().get("X-Degree")).contains("20");
        assertThat(responder.connectRequest(capacity(NodeRole.ULTRAPEER, 3, 0, true)).headers().get("X-Max-TTL"))
                .contains("4");
    }

    @Test
    void ourConnectRequestAsALeaf() {
        HandshakeMessage m = responder.connectRequest(capacity(NodeRole.LEAF, 3, 0, true));
        assertThat(m.firstLine()).isEqualTo("GNUTELLA CONNECT/0.6");
        assertThat(m.headers().names()).containsExactly("User-Agent", "X-Ultrapeer", "X-Degree", "X-Query-Routing",
                "X-Ultrapeer-Query-Routing", "X-Max-TTL", "X-Dynamic-Querying", "X-Requeries", "Listen-IP",
                "Pong-Caching", "GGEP", "Vendor-Message", "Bye-Packet", "Accept-Encoding");
        assertThat(m.headers().get("X-Ultrapeer")).contains("False");
    }

    @Test
    void asInitiatorWeConfirmAndCompressWhenOffered() throws Exception {
        HandshakeResponse r = responder.respond(response("handshake-ultrapeer.txt"), true,
                capacity(NodeRole.LEAF, 3, 0, true));
        assertThat(r.accepted()).isTrue();
        assertThat(r.deflateOutgoing()).isTrue();
        assertThat(r.toMessage().format()).isEqualTo("GNUTELLA/0.6 200 OK\r\nContent-Encoding: deflate\r\n\r\n");

        HandshakeResponse plain = responder.respond(response("handshake-ultrapeer.txt"), true,
                capacity(NodeRole.ULTRAPEER, 3, 0, false));
        assertThat(plain.toMessage().format()).isEqualTo("GNUTELLA/0.6 200 OK\r\n\r\n");
    }

    @Test
    void asInitiatorARefusalEndsTheAttempt() throws Exception {
        HandshakeResponse r = responder.respond(response("handshake-refused-503-too-many-leaves.txt"), true,
                capacity(NodeRole.LEAF, 3, 0, true));
        assertThat(r.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(r.reason()).contains("503");
    }

    @Test
    void anInitiatorDropsAPeerThatIsNotAnUltrapeerWhateverItsRole() {
        HandshakeMessage leafAnswer = new HandshakeMessage("GNUTELLA/0.6 200 OK",
                HandshakeHeaders.builder().add("X-Ultrapeer", "False").build());
        for (NodeRole role : NodeRole.values()) {
            HandshakeResponse r = responder.respond(leafAnswer, true, capacity(role, 3, 0, true));
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSE);
            assertThat(r.status().code()).isEqualTo(503);
        }
    }

    @Test
    void peerAddressesFromHeaders() throws Exception {
        assertThat(HandshakeResponder.listenAddressOf(request("handshake-outgoing-gtkg-initiates.txt").headers()))
                .contains(new InetSocketAddress("127.0.0.1", 16500));
        HandshakeHeaders h = HandshakeHeaders.builder().add("X-Try-Ultrapeers", "127.1.2.4:5,127.6.8.9:10").add("X-Try", "127.2.2.2:2").build();
        assertThat(HandshakeResponder.tryHostsOf(h)).hasSize(3);
    }

    private static NodeCapacity guidance(int freeLeaf, boolean ultrapeersNeeded, boolean takesGuidance) {
        return new NodeCapacity(NodeRole.ULTRAPEER, 5, freeLeaf, ME, PEER_IP, HOSTS, false, ultrapeersNeeded,
                takesGuidance);
    }

    @Test
    void anUltrapeerWithTheUltrapeersItWantsAndLeafRoomAsksAnUltrapeerToBeItsLeaf() throws Exception {
        HandshakeMessage up = request("handshake-ultrapeer.txt");

        assertThat(responder.respond(up, false, guidance(3, false, false)).headers().get("X-Ultrapeer-Needed"))
                .contains("False");
        assertThat(responder.respond(up, false, guidance(3, true, false)).headers().get("X-Ultrapeer-Needed"))
                .as("still wanting ultrapeers").contains("True");
        assertThat(responder.respond(up, false, guidance(0, false, false)).headers().get("X-Ultrapeer-Needed"))
                .as("no room for a leaf").contains("True");
    }

    @Test
    void anUltrapeerThatTakesGuidanceConfirmsAsALeaf() throws Exception {
        HandshakeMessage asked = HandshakeMessage.of(StatusLine.OK, HandshakeHeaders.builder()
                .add("X-Ultrapeer", "True").add("X-Ultrapeer-Needed", "false").build());

        HandshakeResponse guided = responder.respond(asked, true, guidance(0, true, true));
        assertThat(guided.accepted()).isTrue();
        assertThat(guided.becomesLeaf()).isTrue();
        assertThat(guided.toMessage().format()).isEqualTo("GNUTELLA/0.6 200 OK\r\nX-Ultrapeer: False\r\n\r\n");

        HandshakeResponse told = responder.respond(asked, true, guidance(0, true, false));
        assertThat(told.becomesLeaf()).as("an ultrapeer by setting stays one").isFalse();
        assertThat(told.headers().contains("X-Ultrapeer")).isFalse();
        HandshakeMessage needed = HandshakeMessage.of(StatusLine.OK, HandshakeHeaders.builder()
                .add("X-Ultrapeer", "True").add("X-Ultrapeer-Needed", "True").build());
        assertThat(responder.respond(needed, true, guidance(0, true, true)).becomesLeaf()).isFalse();
        // gtk-gnutella's own answer says it needs ultrapeers: nothing changes.
        assertThat(responder.respond(response("handshake-ultrapeer.txt"), true, guidance(0, true, true))
                .becomesLeaf()).isFalse();
    }

    @Test
    void aLeafNeverTakesGuidanceItIsOneAlready() throws Exception {
        HandshakeMessage asked = HandshakeMessage.of(StatusLine.OK, HandshakeHeaders.builder()
                .add("X-Ultrapeer", "True").add("X-Ultrapeer-Needed", "False").build());
        NodeCapacity leaf = new NodeCapacity(NodeRole.LEAF, 2, 0, ME, PEER_IP, HOSTS, false, true, true);

        HandshakeResponse r = responder.respond(asked, true, leaf);
        assertThat(r.accepted()).isTrue();
        assertThat(r.becomesLeaf()).isFalse();
    }
}
