package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.HttpSession;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.PushProxy;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * As an ultrapeer, the push proxy of our leaves. A leaf asks with LIME/21 (its servent id as the
 * GUID); we note which link that id is on and agree with LIME/22, giving the address the leaf sees
 * us at. A downloader then asks us over HTTP, {@code GET} or {@code HEAD}
 * {@code /gnutella/push-proxy?ServerID=...} (or gtk-gnutella's {@code /gnet/push-proxy?guid=...})
 * with {@code X-Node: ip:port}; we send that leaf, one hop, a Push for the downloader's address and
 * answer 202, or 410 when no leaf of ours has that id, or 400 for a malformed request.
 */
final class PushProxyServer {
    private static final Logger log = LoggerFactory.getLogger(PushProxyServer.class);

    private final BooleanSupplier ultrapeer;
    private final Function<Connection, InetSocketAddress> advertised;
    private final BiPredicate<Connection, Frame> send;
    private final Map<Guid, Connection> leaves = new ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();

    PushProxyServer(BooleanSupplier ultrapeer, Function<Connection, InetSocketAddress> advertised, BiPredicate<Connection, Frame> send) {
        this.ultrapeer = ultrapeer;
        this.advertised = advertised;
        this.send = send;
    }

    /** A leaf asked us to be its push proxy (LIME/21): agree if we are its ultrapeer. */
    void requested(Connection from, Guid serventId) {
        if (!ultrapeer.getAsBoolean() || from.isUltrapeer()) {
            return;
        }
        InetSocketAddress us = advertised.apply(from);
        leaves.put(serventId, from);
        send.test(from, MessageCodec.frame(serventId, 1, 0, PushProxy.ack(us)));
        log.info("push proxy for leaf {} ({}) at {}", from.remoteAddress(), serventId, us);
    }

    void disconnected(Connection c) {
        leaves.values().removeIf(c::equals);
    }

    /** Pushes forwarded to our leaves for downloaders so far. */
    long forwarded() {
        return forwarded.get();
    }

    static boolean wants(String firstLine) {
        String target = targetOf(firstLine);
        return target != null && PushProxy.isProxyTarget(target);
    }

    void serve(HttpSession session) throws IOException {
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((session.firstLine() + "\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                session.in());
        HttpHead head = HttpHeadReader.read(in);
        String answer = head == null ? null : answer(head);
        if (answer == null) {
            return;
        }
        session.out().write(("HTTP/1.1 " + answer + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        session.out().flush();
    }

    private String answer(HttpHead head) {
        PushProxy.Request request;
        InetSocketAddress downloader;
        try {
            request = PushProxy.parseTarget(targetOf(head.startLine()));
            downloader = HostPort.parseLiteral(head.first("X-Node").orElse(""))
                    .orElseThrow(() -> new BadMessageException("no usable X-Node"));
            new Push(request.serventId(), request.fileIndex(), downloader, Ggep.EMPTY);
        } catch (BadMessageException | IllegalArgumentException e) {
            log.debug("bad push proxy request {}: {}", head.startLine(), e.getMessage());
            return "400 Push Proxy: Bad Request";
        }
        Connection leaf = leaves.get(request.serventId());
        if (leaf == null || !leaf.isOpen()) {
            return "410 Push Proxy: Servent not connected";
        }
        Push push = new Push(request.serventId(), request.fileIndex(), downloader, Ggep.EMPTY);
        if (!send.test(leaf, MessageCodec.frame(Guid.random(), 1, 0, push))) {
            return "410 Push Proxy: Servent not connected";
        }
        forwarded.incrementAndGet();
        log.debug("forwarded a Push for {} to leaf {}", downloader, leaf.remoteAddress());
        return "202 Push Proxy: Message Sent";
    }

    /** The request target of a request line, or null. */
    private static String targetOf(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length >= 2 && (parts[0].equals("GET") || parts[0].equals("HEAD")) ? parts[1] : null;
    }
}
