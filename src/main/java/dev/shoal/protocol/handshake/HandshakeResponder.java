package dev.shoal.protocol.handshake;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handshake policy, with no I/O: given what the peer sent and a snapshot of our node, what do
 * we answer. Acceptor side (step 1 in, step 2 out): legacy and non-Gnutella first lines are closed
 * silently, G2-only peers get 406, peers that do not say {@code X-Ultrapeer} get 403, and a peer
 * is taken only into a free slot of its kind, else 503 with {@code X-Try-Ultrapeers} (which every
 * 200 carries too). A leaf takes ultrapeers only. An ultrapeer that has the ultrapeer links it
 * wants and room for a leaf asks an ultrapeer that comes to it to become its leaf
 * ({@code X-Ultrapeer-Needed: False}). Initiator side (step 2 in, step 3 out): a non-200 ends the
 * attempt, we insist on an ultrapeer, an ultrapeer that takes guidance answers such a request
 * with {@code X-Ultrapeer: False} and is a leaf from then on, otherwise we confirm with 200.
 *
 * <p>We emit every header once, on one line, with the capitalisation below, because LimeWire keeps
 * headers case-sensitively and classifies peers on {@code X-Degree}, {@code X-Max-TTL},
 * {@code X-Dynamic-Querying}, {@code X-Ultrapeer-Query-Routing} and {@code X-Requeries} — even
 * when we are a leaf.
 */
public final class HandshakeResponder {
    public static final int MAX_TRY_HOSTS = 10;
    private static final String GNUTELLA_PACKETS = "application/x-gnutella-packets";

    private final String userAgent;
    private final int maxTtl;
    private final int degree;

    /** A responder announcing the usual {@code X-Max-TTL: 4} and {@code X-Degree: 32}. */
    public HandshakeResponder(String userAgent) {
        this(userAgent, 4, 32);
    }

    /**
     * @param maxTtl the largest TTL we accept on queries ({@code X-Max-TTL})
     * @param degree the ultrapeer links we keep as an ultrapeer ({@code X-Degree}); gtk-gnutella refuses
     *               ultrapeers below 16 and LimeWire counts them as good from 15
     */
    public HandshakeResponder(String userAgent, int maxTtl, int degree) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent is required");
        }
        if (maxTtl < 1 || maxTtl > 15) {
            throw new IllegalArgumentException("max TTL must be 1..15: " + maxTtl);
        }
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be positive: " + degree);
        }
        this.userAgent = userAgent;
        this.maxTtl = maxTtl;
        this.degree = degree;
    }

    /** Step 1: {@code GNUTELLA CONNECT/0.6} and our headers. */
    public HandshakeMessage connectRequest(NodeCapacity us) {
        return new HandshakeMessage(ConnectLine.V0_6.format(), ourHeaders(us, null, false));
    }

    /**
     * Our answer to the peer's step: their request (step 1) when {@code weInitiated} is false,
     * their response (step 2) when it is true.
     */
    public HandshakeResponse respond(HandshakeMessage theirs, boolean weInitiated, NodeCapacity us) {
        return weInitiated ? confirm(theirs, us) : answer(theirs, us);
    }

    private HandshakeResponse answer(HandshakeMessage request, NodeCapacity us) {
        if (!ConnectLine.looksLikeConnect(request.firstLine())) {
            return HandshakeResponse.close("not a Gnutella connect: " + request.firstLine());
        }
        ConnectLine line;
        try {
            line = ConnectLine.parse(request.firstLine());
        } catch (FramingException e) {
            return HandshakeResponse.close(e.getMessage());
        }
        if (!line.speaks06()) {
            return HandshakeResponse.close("legacy protocol " + line.major() + "." + line.minor() + " not spoken");
        }
        HandshakeHeaders theirs = request.headers();
        if (theirs.contains("Accept") && !theirs.hasToken("Accept", GNUTELLA_PACKETS)) {
            return HandshakeResponse.refuse(406, "Protocol not acceptable", refusalHeaders(us, theirs, false));
        }
        if (!theirs.contains("X-Ultrapeer")) {
            return HandshakeResponse.refuse(403, "Normal nodes refused", refusalHeaders(us, theirs, false));
        }
        boolean peerIsUltrapeer = theirs.isTrue("X-Ultrapeer");
        if (peerIsUltrapeer) {
            if (us.freeUltrapeerSlots() == 0) {
                return HandshakeResponse.refuse(503, "Too many ultrapeer connections", refusalHeaders(us, theirs, true));
            }
        } else if (us.role() == NodeRole.LEAF) {
            return HandshakeResponse.refuse(503, "Shielded leaf node", refusalHeaders(us, theirs, true));
        } else if (us.freeLeafSlots() == 0) {
            return HandshakeResponse.refuse(503, "Too many leaf connections", refusalHeaders(us, theirs, true));
        }
        boolean deflate = us.deflate() && theirs.hasToken("Accept-Encoding", "deflate");
        HandshakeHeaders.Builder h = ourHeaders(us, us.remoteAddress() == null ? null
                : us.remoteAddress().getHostAddress(), deflate).toBuilder();
        if (peerIsUltrapeer && us.role() == NodeRole.ULTRAPEER) {
            boolean guide = !us.ultrapeersNeeded() && us.freeLeafSlots() > 0;
            h.add("X-Ultrapeer-Needed", guide ? "False" : "True");
        }
        List<InetSocketAddress> hosts = tryHostsFor(us, listenAddressOf(theirs));
        if (!hosts.isEmpty()) {
            h.add("X-Try-Ultrapeers", HostPort.formatList(hosts));
        }
        return HandshakeResponse.accept(h.build(), deflate);
    }

    private HandshakeResponse confirm(HandshakeMessage response, NodeCapacity us) {
        StatusLine status;
        try {
            status = StatusLine.parse(response.firstLine());
        } catch (FramingException e) {
            return HandshakeResponse.close(e.getMessage());
        }
        if (!status.isOk()) {
            return HandshakeResponse.close("refused by peer: " + status.code() + " " + status.reason());
        }
        HandshakeHeaders theirs = response.headers();
        if (!theirs.isTrue("X-Ultrapeer")) {
            // We dial only ultrapeers: a leaf takes no leaves, and an ultrapeer's leaves come to it.
            return HandshakeResponse.refuse(503, "Ultrapeer required", HandshakeHeaders.empty());
        }
        boolean deflate = us.deflate() && theirs.hasToken("Accept-Encoding", "deflate");
        boolean guided = us.role() == NodeRole.ULTRAPEER && us.takesGuidance() && theirs.isTrue("X-Ultrapeer")
                && theirs.get("X-Ultrapeer-Needed").map(v -> v.trim().equalsIgnoreCase("false")).orElse(false);
        HandshakeHeaders.Builder h = HandshakeHeaders.builder();
        if (guided) {
            h.add("X-Ultrapeer", NodeRole.LEAF.headerValue());
        }
        if (deflate) {
            h.add("Content-Encoding", "deflate");
        }
        return HandshakeResponse.accept(h.build(), deflate, guided);
    }

    private HandshakeHeaders ourHeaders(NodeCapacity us, String remoteIp, boolean contentDeflate) {
        HandshakeHeaders.Builder h = HandshakeHeaders.builder()
                .add("User-Agent", userAgent)
                .add("X-Ultrapeer", us.role().headerValue())
                .add("X-Degree", Integer.toString(degree))
                .add("X-Query-Routing", "0.1")
                .add("X-Ultrapeer-Query-Routing", "0.1")
                .add("X-Max-TTL", Integer.toString(maxTtl))
                .add("X-Dynamic-Querying", "0.1")
                .add("X-Requeries", "False");
        if (us.listenAddress() != null) {
            h.add("Listen-IP", HostPort.format(us.listenAddress()));
        }
        if (remoteIp != null) {
            h.add("Remote-IP", remoteIp);
        }
        h.add("Pong-Caching", "0.1")
                .add("GGEP", "0.5")
                .add("Vendor-Message", "0.2")
                .add("Bye-Packet", "0.1");
        if (us.deflate()) {
            h.add("Accept-Encoding", "deflate");
        }
        if (contentDeflate) {
            h.add("Content-Encoding", "deflate");
        }
        return h.build();
    }

    private HandshakeHeaders refusalHeaders(NodeCapacity us, HandshakeHeaders theirs, boolean withTryHosts) {
        HandshakeHeaders.Builder h = HandshakeHeaders.builder().add("User-Agent", userAgent);
        if (us.remoteAddress() != null) {
            h.add("Remote-IP", us.remoteAddress().getHostAddress());
        }
        if (withTryHosts) {
            h.add("X-Ultrapeer", us.role().headerValue());
            List<InetSocketAddress> hosts = tryHostsFor(us, listenAddressOf(theirs));
            if (!hosts.isEmpty()) {
                h.add("X-Try-Ultrapeers", HostPort.formatList(hosts));
            }
        }
        return h.build();
    }

    private static List<InetSocketAddress> tryHostsFor(NodeCapacity us, Optional<InetSocketAddress> peer) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetSocketAddress a : us.tryUltrapeers()) {
            if (out.size() == MAX_TRY_HOSTS) {
                break;
            }
            if (!a.equals(us.listenAddress()) && !peer.map(a::equals).orElse(false) && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The peer's listening address from {@code Listen-IP}, {@code X-My-Address} or {@code Node}. */
    public static Optional<InetSocketAddress> listenAddressOf(HandshakeHeaders headers) {
        for (String name : List.of("Listen-IP", "X-My-Address", "Node")) {
            Optional<InetSocketAddress> a = headers.get(name).flatMap(v -> HostPort.parseLiteralList(v).stream().findFirst());
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** Hosts suggested by the peer in {@code X-Try-Ultrapeers} and the legacy {@code X-Try}. */
    public static List<InetSocketAddress> tryHostsOf(HandshakeHeaders headers) {
        List<InetSocketAddress> out = new ArrayList<>();
        headers.get("X-Try-Ultrapeers").ifPresent(v -> out.addAll(HostPort.parseLiteralList(v)));
        headers.get("X-Try").ifPresent(v -> out.addAll(HostPort.parseLiteralList(v)));
        return out;
    }
}
