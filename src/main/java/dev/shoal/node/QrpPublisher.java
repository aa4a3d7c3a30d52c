package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.net.Connection;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.Router;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps peers told which keywords our library (and, as an ultrapeer, our leaves) can answer, so
 * that ultrapeers route matching queries to us. Only ultrapeers that advertised {@code X-Query-Routing}
 * get a table; each gets a full RESET + PATCH whenever the library changes (and, through
 * {@link MessageHandler}, whenever our leaves' tables change the merged table).
 */
final class QrpPublisher {
    private static final Logger log = LoggerFactory.getLogger(QrpPublisher.class);

    private final Supplier<Library> library;
    private final Router<Connection> router;

    QrpPublisher(Supplier<Library> library, Router<Connection> router) {
        this.library = library;
        this.router = router;
    }

    /** Rebuilds our table from the shared file names. */
    void rebuild() {
        QrpTable.Builder builder = QrpTable.builder();
        for (SharedFile file : library.get().all()) {
            builder.addName(file.name());
        }
        QrpTable own = builder.build();
        synchronized (router) {
            router.ownTableChanged(own);
        }
        log.debug("QRP table rebuilt: {} of {} slots set", own.countSet(), own.size());
    }

    static boolean wantsTable(Connection c) {
        return c.isUltrapeer() && c.peerHeaders().get("X-Query-Routing").isPresent();
    }

    void sendTo(Connection c) {
        publish(router, c);
    }

    /**
     * Sends the router's current merged table as a full RESET + PATCH to {@code c}, if it takes
     * tables from us. Sends to one link are serialised on it, so two updates racing (library and
     * leaf changes) never interleave their messages, and the last one sent is the newest table.
     */
    static void publish(Router<Connection> router, Connection c) {
        if (!wantsTable(c)) {
            return;
        }
        synchronized (c) {
            QrpTable table;
            synchronized (router) {
                table = router.mergedLeafTable();
            }
            for (Payload p : table.toMessages()) {
                // QRP messages travel one link: TTL 1, hops 0.
                c.send(MessageCodec.frame(Guid.random(), 1, 0, p));
            }
        }
    }

    void sendToAll(List<Connection> connections) {
        for (Connection c : connections) {
            sendTo(c);
        }
    }
}
