package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionStats;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A link for handler tests: records what is sent on it, with the handshake headers given. */
final class FakeConnection implements Connection {
    final List<Frame> sent = new CopyOnWriteArrayList<>();
    private final long id;
    private final HandshakeHeaders headers;
    private final InetSocketAddress remote;

    FakeConnection(long id, HandshakeHeaders headers) {
        this(id, headers, new InetSocketAddress("127.0.0.1", 16000 + (int) id));
    }

    FakeConnection(long id, HandshakeHeaders headers, InetSocketAddress remote) {
        this.id = id;
        this.headers = headers;
        this.remote = remote;
    }

    /** A gtk-gnutella 1.2.3 peer as it announces itself (the headers that matter here). */
    static FakeConnection gtkg(long id, boolean ultrapeer) {
        HandshakeHeaders.Builder h = HandshakeHeaders.builder()
                .add("User-Agent", "gtk-gnutella/1.2.3 (2024-03-03; Topless; Linux x86_64)")
                .add("Vendor-Message", "0.2")
                .add("X-Query-Routing", "0.2")
                .add("X-Ultrapeer", ultrapeer ? "True" : "False");
        if (ultrapeer) {
            h.add("X-Ultrapeer-Query-Routing", "0.1");
        }
        return new FakeConnection(id, h.build());
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Optional<InetSocketAddress> listenAddress() {
        return Optional.of(remoteAddress());
    }

    @Override
    public HandshakeHeaders peerHeaders() {
        return headers;
    }

    @Override
    public boolean isOutgoing() {
        return false;
    }

    @Override
    public boolean isUltrapeer() {
        return headers.isTrue("X-Ultrapeer");
    }

    @Override
    public String userAgent() {
        return headers.get("User-Agent").orElse("");
    }

    @Override
    public Instant since() {
        return Instant.EPOCH;
    }

    @Override
    public boolean isCompressedIn() {
        return false;
    }

    @Override
    public boolean isCompressedOut() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public ConnectionStats stats() {
        return new ConnectionStats(0, sent.size(), 0, 0, 0, 0, 0, 0);
    }

    @Override
    public boolean send(Frame frame) {
        sent.add(frame);
        return true;
    }

    @Override
    public void close(Bye bye) {
    }
}
