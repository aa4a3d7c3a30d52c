package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.net.Connection;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Payload;
import dev.shoal.routing.QrpTable;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps peers told which keywords our library (and, as an ultrapeer, our leaves) can answer, so
 * that ultrapeers route matching queries to us. Only ultrapeers get a table: as a leaf, those that
 * advertised {@code X-Query-Routing}; as an ultrapeer, those that advertised
 * {@code X-Ultrapeer-Query-Routing} (last-hop QRP between ultrapeers). Each gets a full RESET + PATCH
 * whenever the library changes (and, through {@link MessageHandler}, whenever our leaves' tables
 * change the merged table).
 */
final class QrpPublisher {
    private static final Logger log = LoggerFactory.getLogger(QrpPublisher.class);

    private final Supplier<Library> library;
    private final NodeRouter<Connection> routes;
    /** Held while a table goes out, so two updates never interleave their messages on a link. */
    private final Object sending = new Object();
    private QrpTable lastTable;
    private List<Payload> lastMessages;

    QrpPublisher(Supplier<Library> library, NodeRouter<Connection> routes) {
        this.library = library;
        this.routes = routes;
    }

    /** Rebuilds our table from the shared file names and URNs. */
    void rebuild() {
        QrpTable.Builder builder = QrpTable.builder();
        for (SharedFile file : library.get().all()) {
            builder.addName(file.name());
            builder.addUrn(file.urn());
        }
        QrpTable own = builder.build();
        routes.ownTableChanged(own);
        log.debug("QRP table rebuilt: {} of {} slots set", own.countSet(), own.size());
    }

    boolean wantsTable(Connection c) {
        String header = routes.isLeaf() ? "X-Query-Routing" : "X-Ultrapeer-Query-Routing";
        return c.isUltrapeer() && c.peerHeaders().contains(header);
    }

    /**
     * Sends the table we publish as a full RESET + PATCH to {@code c}, if it takes tables from us.
     * The table is read and sent under one lock of ours (never the router's, nor the link's), so
     * the last table a link gets is the newest. Each table is compressed once, whatever the links.
     */
    void sendTo(Connection c) {
        if (!wantsTable(c)) {
            return;
        }
        synchronized (sending) {
            QrpTable table = routes.publishedTable();
            if (!table.equals(lastTable)) {
                lastMessages = table.toMessages();
                lastTable = table;
            }
            for (Payload p : lastMessages) {
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
