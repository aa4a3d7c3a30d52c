package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.corpus.CaseBytes;
import dev.shoal.corpus.CorpusCase;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.Search;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Urn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/corpus/GROUP/*.case}, described in
 * protocol-spec/hardening.md) played against one real ultrapeer on loopback, each case from its
 * own address of 127.0.0.0/8 so that no case spends another's share or connect rate. Each case
 * gets its expected outcome (drop reason, Bye code, handshake or HTTP status), and afterwards
 * another peer, from another address, still joins and is answered.
 *
 * <p>Time is virtual and never moved: no timer can close a link behind a case's back. A case that
 * expects a message dropped (or nothing dropped) ends with a ping: the node handles a link's
 * messages in order, so its pong means everything sent before was handled and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SHARED_NAME = "corpus sample.txt";
    private static final String SHARED_TEXT = "a file the corpus's honest peers ask for\n";

    private TestNodes net;
    private ServentNode node;
    private String urn;
    private Search search;
    private int nextAddress;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        net = new TestNodes(temp);
        node = net.ultrapeer("corpus", 4, Map.of(SHARED_NAME, SHARED_TEXT));
        urn = Urn.sha1(MessageDigest.getInstance("SHA-1").digest(SHARED_TEXT.getBytes(StandardCharsets.UTF_8)))
                .toString();
        // Hits for this search are decoded (relayed ones are not): the hit cases send theirs to it.
        search = node.search("corpus own search", 1, hit -> { });
    }

    @AfterAll
    void stop() {
        search.close();
        net.close();
    }

    static List<CorpusCase> framing() {
        return CorpusCase.group("framing");
    }

    static List<CorpusCase> headers() {
        return CorpusCase.group("headers");
    }

    static List<CorpusCase> queries() {
        return CorpusCase.group("queries");
    }

    static List<CorpusCase> hits() {
        return CorpusCase.group("hits");
    }

    static List<CorpusCase> ggep() {
        return CorpusCase.group("ggep");
    }

    static List<CorpusCase> qrp() {
        return CorpusCase.group("qrp");
    }

    static List<CorpusCase> pongs() {
        return CorpusCase.group("pongs");
    }

    static List<CorpusCase> handshakes() {
        return CorpusCase.group("handshakes");
    }

    static List<CorpusCase> rate() {
        return CorpusCase.group("rate");
    }

    static List<CorpusCase> http() {
        return CorpusCase.group("http");
    }

    static List<CorpusCase> oob() {
        return CorpusCase.group("oob");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void framing(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void headers(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void queries(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hits(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void ggep(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void qrp(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void pongs(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void handshakes(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rate(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void http(CorpusCase c) throws Exception {
        play(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oob(CorpusCase c) throws Exception {
        play(c);
    }

    private void play(CorpusCase c) throws Exception {
        if (c.start().equals("udp")) {
            playDatagrams(c);
            stillServesAnotherPeer(c);
            return;
        }
        NodeStats before = node.stats();
        try (RawPeer peer = new RawPeer(node.listenAddress(), 0, nextAddress())) {
            if (!c.start().equals("raw")) {
                assertThat(peer.joinAsLeaf(c.start().equals("leaf-deflate")).firstLine())
                        .startsWith("GNUTELLA/0.6 200");
                await().atMost(WAIT).until(() -> node.peers().size() == 1);
            }
            try {
                for (CorpusCase.Step step : c.steps()) {
                    send(peer, step);
                }
            } catch (IOException closedOnUs) {
                // the node cut the connection while the case was still writing: the outcome says if it should
            }
            check(c.expect(), peer, before);
        }
        await().atMost(WAIT).until(() -> node.peers().isEmpty());
        stillServesAnotherPeer(c);
    }

    /**
     * Sends each frame as one datagram, from one socket (or, {@code from=other}, a second one of
     * another address), then a ping from the first: the node handles datagrams one at a time in
     * arrival order, so its pong means everything sent before was handled and counted.
     */
    private void playDatagrams(CorpusCase c) throws Exception {
        NodeStats before = node.stats();
        try (UdpProbe first = new UdpProbe(nextAddress()); UdpProbe other = new UdpProbe(nextAddress())) {
            for (CorpusCase.Step step : c.steps()) {
                byte[] payload = CaseBytes.parse(step.bytes().replace("${urn}", urn));
                int length = step.declaredLength() >= 0 ? step.declaredLength() : payload.length;
                ByteBuffer datagram = ByteBuffer.allocate(Header.SIZE + payload.length);
                new Header(guid(step), step.type(), step.ttl(), step.hops(), length).writeTo(datagram);
                datagram.put(payload);
                (step.fromOther() ? other : first).send(node.listenAddress(), datagram.array());
            }
            Guid ping = Guid.random();
            first.send(node.listenAddress(), new Frame(new Header(ping, MessageType.PING, 1, 0, 0), new byte[0])
                    .toBytes());
            assertThat(first.receiveUntil(f -> f.header().type() == MessageType.PONG && f.header().guid().equals(ping)))
                    .as("the port still answers").isTrue();
        }
        NodeStats after = node.stats();
        switch (c.expect().outcome()) {
            case "drop" -> assertThat(after.count(c.expect().reason()) - before.count(c.expect().reason()))
                    .as("counted as %s; counted: %s", c.expect().reason(), counted(before, after)).isPositive();
            case "served" -> assertThat(after.total("datagram")).as("nothing dropped; counted: %s",
                    counted(before, after)).isEqualTo(before.total("datagram"));
            default -> throw new IllegalArgumentException("a datagram case expects drop or served: " + c);
        }
    }

    private void send(RawPeer peer, CorpusCase.Step step) throws IOException {
        byte[] bytes = CaseBytes.parse(step.bytes().replace("${urn}", urn));
        if (step.kind() == CorpusCase.Step.Kind.SEND) {
            peer.send(bytes);
            return;
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < step.count(); i++) {
            int length = step.declaredLength() >= 0 ? step.declaredLength() : bytes.length;
            ByteBuffer head = ByteBuffer.allocate(Header.SIZE);
            new Header(guid(step), step.type(), step.ttl(), step.hops(), length).writeTo(head);
            wire.writeBytes(head.array());
            wire.writeBytes(bytes);
        }
        peer.sendStream(wire.toByteArray());
    }

    private Guid guid(CorpusCase.Step step) {
        if (step.guid() == null) {
            return Guid.random();
        }
        return Guid.fromHex(step.guid().equals("search") ? search.id() : step.guid());
    }

    private void check(CorpusCase.Expect expect, RawPeer peer, NodeStats before) throws Exception {
        switch (expect.outcome()) {
            case "drop", "served" -> {
                assertThat(answersAPing(peer)).as("the link stays and answers").isTrue();
                NodeStats after = node.stats();
                if (expect.outcome().equals("drop")) {
                    assertThat(after.count(expect.reason()) - before.count(expect.reason()))
                            .as("counted as %s; counted: %s", expect.reason(), counted(before, after)).isPositive();
                } else {
                    assertThat(after.total("message")).as("nothing dropped; counted: %s", counted(before, after))
                            .isEqualTo(before.total("message"));
                }
                assertThat(after.total("close")).as("no link closed; counted: %s", counted(before, after))
                        .isEqualTo(before.total("close"));
            }
            case "bye" -> {
                assertThat(byeCode(peer)).as("Bye code; counted: %s", counted(before, node.stats()))
                        .isEqualTo(expect.code());
                assertThat(peer.closedWithin(10_000)).as("closed after the Bye").isTrue();
                awaitCounted(expect.reason(), before);
            }
            case "closed" -> {
                assertThat(peer.closedWithin(10_000)).as("closed").isTrue();
                awaitCounted(expect.reason(), before);
            }
            case "refused" -> {
                assertThat(peer.readStep().firstLine()).as("counted: %s", counted(before, node.stats()))
                        .startsWith("GNUTELLA/0.6 " + expect.code());
                assertThat(peer.closedWithin(10_000)).as("closed after the refusal").isTrue();
                awaitCounted(expect.reason(), before);
            }
            case "http" -> assertThat(statusLine(peer)).as("counted: %s", counted(before, node.stats()))
                    .startsWith("HTTP/1.1 " + expect.code());
            default -> throw new IllegalArgumentException(expect.outcome());
        }
    }

    private void awaitCounted(String reason, NodeStats before) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(node.stats().count(reason) - before.count(reason))
                .as("counted as %s; counted: %s", reason, counted(before, node.stats())).isEqualTo(1));
    }

    /** What grew between two snapshots, for the failure messages. */
    private static String counted(NodeStats before, NodeStats after) {
        StringBuilder s = new StringBuilder();
        for (NodeStats.Drop d : after.drops()) {
            long grew = d.count() - before.count(d.reason());
            if (grew != 0) {
                s.append(d.reason()).append(' ').append(grew).append(' ');
            }
        }
        return s.toString().strip();
    }

    /** A fresh peer from a fresh address joins, is answered, and (on HTTP cases) fetches the shared file. */
    private void stillServesAnotherPeer(CorpusCase c) throws Exception {
        try (RawPeer honest = new RawPeer(node.listenAddress(), 0, nextAddress())) {
            assertThat(honest.joinAsLeaf(false).firstLine()).startsWith("GNUTELLA/0.6 200");
            assertThat(answersAPing(honest)).as("another peer is served after " + c).isTrue();
        }
        if (c.group().equals("http")) {
            try (RawPeer client = new RawPeer(node.listenAddress(), 0, nextAddress())) {
                client.send("GET /uri-res/N2R?" + urn + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(statusLine(client)).startsWith("HTTP/1.1 200");
            }
        }
        await().atMost(WAIT).until(() -> node.peers().isEmpty());
    }

    /** Sends a TTL 1 ping and reads until its pong; false if the link ends first. */
    private static boolean answersAPing(RawPeer peer) throws IOException {
        Guid guid = Guid.random();
        peer.sendStream(new Frame(new Header(guid, MessageType.PING, 1, 0, 0), new byte[0]).toBytes());
        try {
            while (true) {
                Frame f = peer.readFrame();
                if (f.header().type() == MessageType.PONG && f.header().guid().equals(guid)) {
                    return true;
                }
            }
        } catch (IOException | FramingException e) {
            return false;
        }
    }

    /** Reads frames until a Bye and returns its code; -1 if the link ends without one. */
    private static int byeCode(RawPeer peer) throws IOException {
        try {
            while (true) {
                Frame f = peer.readFrame();
                if (f.header().type() == MessageType.BYE) {
                    return Bye.decode(f.payload()).code();
                }
            }
        } catch (IOException | FramingException | BadMessageException e) {
            return -1;
        }
    }

    private static String statusLine(RawPeer peer) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = peer.readByte()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    /** A new address of 127.0.0.0/8 for each socket: 127.1.0.1, 127.1.0.2, ... */
    private InetAddress nextAddress() throws IOException {
        int n = ++nextAddress;
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (n / 250), (byte) (n % 250 + 1)});
    }
}
