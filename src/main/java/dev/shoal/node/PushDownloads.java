package dev.shoal.node;

import dev.shoal.net.HttpSession;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Giv;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.PushProxy;
import dev.shoal.transfer.download.PushRequester;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SourceLink;
import dev.shoal.transfer.download.UnreachableSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download side of Push: for a source we cannot connect to, asks its servent to connect to us,
 * and hands the connection that servent opens (it starts with a {@code GIV} line) to the download
 * waiting for it. The connection stays with the download until it closes the link, since the
 * network layer closes a session once its handler returns.
 *
 * <p>The Push goes through the servent's push proxies first, those its hits listed (GGEP
 * {@code PUSH}), one after the other until one answers 202; a proxy that answers anything else is
 * forgotten, as the proposal says. Only when none is known or none agrees is the Push routed back
 * along the path of the servent's hits. Proxies are remembered for the last
 * {@link #MAX_SERVENTS_WITH_PROXIES} servents.
 */
final class PushDownloads implements PushRequester, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushDownloads.class);
    /** The rest of a GIV's head (an empty line) is tiny; a peer sending more is not speaking GIV. */
    private static final int MAX_HEAD_REST = 1024;
    private static final long OPEN_CHECK_SECONDS = 1;

    /** Sends our Push for file {@code index} toward servent {@code target}; false when no route is known. */
    @FunctionalInterface
    interface PushSender {
        boolean send(Guid target, long index);
    }

    private record Waiting(Source source, CompletableFuture<SourceLink> link) {
    }

    static final int MAX_SERVENTS_WITH_PROXIES = 1024;
    /** Proxy requests under way at once; each may wait {@link PushProxyClient#TIMEOUT} twice. */
    static final int CONCURRENT_PROXY_ASKS = 4;
    /** Pushes waiting for a proxy thread; past that, a Push is routed at once. */
    static final int QUEUED_PROXY_ASKS = 64;

    /** Asks a push proxy; returns its HTTP status, or -1 when it could not be asked. */
    @FunctionalInterface
    interface ProxyAsker {
        int ask(InetSocketAddress proxy, PushProxy.Request request, InetSocketAddress self);
    }

    private final PushSender sender;
    private final ProxyAsker asker;
    private final Supplier<Optional<InetSocketAddress>> self;
    private final Map<Guid, List<Waiting>> waiting = new HashMap<>();
    private final Map<Guid, List<InetSocketAddress>> proxies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Guid, List<InetSocketAddress>> eldest) {
            return size() > MAX_SERVENTS_WITH_PROXIES;
        }
    };
    private final AtomicLong proxied = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();
    private final ThreadPoolExecutor proxyThreads = NodeThreads.bounded("shoal-push-proxy-ask", CONCURRENT_PROXY_ASKS,
            QUEUED_PROXY_ASKS);

    /**
     * @param sender routes a Push through the network
     * @param asker asks a push proxy ({@link PushProxyClient#ask} but in tests)
     * @param self where a pushed servent should connect to us, when we know it
     */
    PushDownloads(PushSender sender, ProxyAsker asker, Supplier<Optional<InetSocketAddress>> self) {
        this.sender = sender;
        this.asker = asker;
        this.self = self;
    }

    /** A hit of servent {@code serventId} listed these push proxies: they replace those known. */
    void proxiesLearned(Guid serventId, List<InetSocketAddress> list) {
        if (list.isEmpty()) {
            return;
        }
        synchronized (proxies) {
            proxies.put(serventId, List.copyOf(list));
        }
    }

    /** Pushes that went through a push proxy (202), and pushes routed through the network. */
    long proxiedPushes() {
        return proxied.get();
    }

    long routedPushes() {
        return routed.get();
    }

    @Override
    public void close() {
        proxyThreads.shutdownNow();
    }

    @Override
    public CompletableFuture<SourceLink> push(Source source) {
        CompletableFuture<SourceLink> link = new CompletableFuture<>();
        Waiting w = new Waiting(source, link);
        synchronized (waiting) {
            waiting.computeIfAbsent(source.serventId(), id -> new ArrayList<>()).add(w);
        }
        link.whenComplete((l, e) -> forget(w));
        long index = source.index() < 0 ? 0 : source.index();
        List<InetSocketAddress> known;
        synchronized (proxies) {
            known = proxies.getOrDefault(source.serventId(), List.of());
        }
        Optional<InetSocketAddress> us = self.get();
        if (known.isEmpty() || us.isEmpty()) {
            route(source, index, link);
        } else {
            try {
                proxyThreads.execute(() -> throughProxies(source, index, known, us.get(), link));
            } catch (RejectedExecutionException e) {
                route(source, index, link);
            }
        }
        return link;
    }

    private void throughProxies(Source source, long index, List<InetSocketAddress> known, InetSocketAddress us,
            CompletableFuture<SourceLink> link) {
        PushProxy.Request request = new PushProxy.Request(source.serventId(), index);
        for (InetSocketAddress proxy : known) {
            if (link.isDone()) {
                return;
            }
            int status = asker.ask(proxy, request, us);
            if (status == 202) {
                proxied.incrementAndGet();
                log.debug("push proxy {} sent our Push to {} for index {}", proxy, source, index);
                return;
            }
            log.debug("push proxy {} answered {} for {}; not asking it again", proxy, status, source);
            forgetProxy(source.serventId(), proxy);
        }
        route(source, index, link);
    }

    private void route(Source source, long index, CompletableFuture<SourceLink> link) {
        if (!sender.send(source.serventId(), index)) {
            link.completeExceptionally(new UnreachableSourceException("no route for a Push to " + source));
        } else {
            routed.incrementAndGet();
            log.debug("sent a Push to {} for index {}", source, index);
        }
    }

    private void forgetProxy(Guid servent, InetSocketAddress proxy) {
        synchronized (proxies) {
            List<InetSocketAddress> list = proxies.get(servent);
            if (list != null) {
                List<InetSocketAddress> rest = list.stream().filter(p -> !p.equals(proxy)).toList();
                if (rest.isEmpty()) {
                    proxies.remove(servent);
                } else {
                    proxies.put(servent, rest);
                }
            }
        }
    }

    /**
     * Serves a connection whose first line is {@code GIV}: gives it to the download that pushed
     * its servent and returns once that download has closed it. Unexpected ones are just closed.
     */
    void serve(HttpSession session) throws IOException {
        Giv giv;
        try {
            giv = Giv.parse(session.firstLine());
        } catch (BadMessageException e) {
            log.info("bad push callback from {}: {}", session.remoteAddress(), e.getMessage());
            return;
        }
        skipEmptyLine(session.in());
        Waiting w = take(giv);
        if (w == null) {
            log.info("push callback from {} that no download waits for: {}", session.remoteAddress(),
                    session.firstLine());
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        SourceLink link = SourceLink.of(session.in(), session.out(), () -> {
            session.close();
            closed.countDown();
        });
        if (!w.link().complete(link)) {
            log.debug("push callback from {} came after its download stopped waiting", session.remoteAddress());
            return;
        }
        log.debug("{} connected back to us for {}", session.remoteAddress(), w.source());
        try {
            while (!closed.await(OPEN_CHECK_SECONDS, TimeUnit.SECONDS) && session.isOpen()) {
                // the download is using the connection
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            link.close();
        }
    }

    /** The waiting download for this servent, the one that pushed for the same index first. */
    private Waiting take(Giv giv) {
        synchronized (waiting) {
            List<Waiting> list = waiting.get(giv.serventId());
            if (list == null || list.isEmpty()) {
                return null;
            }
            Waiting chosen = list.stream().filter(w -> w.source().index() == giv.index()).findFirst()
                    .orElse(list.get(0));
            forget(chosen);
            return chosen;
        }
    }

    private void forget(Waiting w) {
        synchronized (waiting) {
            List<Waiting> list = waiting.get(w.source().serventId());
            if (list != null) {
                list.remove(w);
                if (list.isEmpty()) {
                    waiting.remove(w.source().serventId());
                }
            }
        }
    }

    /** Reads up to the end of the GIV's head: the empty line after the GIV line. */
    private static void skipEmptyLine(InputStream in) throws IOException {
        int read = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r' && ++read > MAX_HEAD_REST) {
                throw new IOException("push callback sent no empty line after its GIV");
            }
        }
    }
}
