package dev.shoal.node;

import dev.shoal.net.HttpSession;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Giv;
import dev.shoal.protocol.Guid;
import dev.shoal.transfer.download.PushRequester;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SourceLink;
import dev.shoal.transfer.download.UnreachableSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download side of Push: for a source we cannot connect to, sends a Push asking its servent
 * to connect to us, and hands the connection that servent opens (it starts with a {@code GIV}
 * line) to the download waiting for it. The connection stays with the download until it closes
 * the link, since the network layer closes a session once its handler returns.
 */
final class PushDownloads implements PushRequester {
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

    private final PushSender sender;
    private final Map<Guid, List<Waiting>> waiting = new HashMap<>();

    PushDownloads(PushSender sender) {
        this.sender = sender;
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
        if (!sender.send(source.serventId(), index)) {
            link.completeExceptionally(new UnreachableSourceException("no route for a Push to " + source));
        } else {
            log.debug("sent a Push to {} for index {}", source, index);
        }
        return link;
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
