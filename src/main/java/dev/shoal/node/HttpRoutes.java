package dev.shoal.node;

import dev.shoal.net.HttpGateway;
import dev.shoal.net.HttpSession;
import dev.shoal.node.api.NodeStats;
import dev.shoal.protocol.Giv;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * What our port does with a connection that is not a Gnutella link: a {@code GIV} answers one of
 * our pushes, {@code GET /shoal/stats} asks for the node's stats, a push proxy request asks us to
 * push one of our leaves, anything else is a download from our library.
 */
final class HttpRoutes implements HttpGateway {
    private final PushDownloads pushDownloads;
    private final PushProxyServer pushProxy;
    private final UploadService uploads;
    private final Supplier<NodeStats> stats;

    HttpRoutes(PushDownloads pushDownloads, PushProxyServer pushProxy, UploadService uploads,
            Supplier<NodeStats> stats) {
        this.pushDownloads = pushDownloads;
        this.pushProxy = pushProxy;
        this.uploads = uploads;
        this.stats = stats;
    }

    @Override
    public void serve(HttpSession session) throws IOException {
        String line = session.firstLine();
        if (Giv.isGiv(line)) {
            pushDownloads.serve(session);
        } else if (StatsEndpoint.wants(line)) {
            StatsEndpoint.serve(session, stats);
        } else if (PushProxyServer.wants(line)) {
            pushProxy.serve(session);
        } else {
            uploads.serve(session);
        }
    }
}
