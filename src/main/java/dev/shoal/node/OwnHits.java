package dev.shoal.node;

import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.QueryHit;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The QueryHits we send about our own files, in answer to a query or to a browse: our vendor
 * code, a nominal speed, and GGEP {@code BH} in the trailer while others may browse us (how
 * LimeWire and gtk-gnutella learn that a host can be browsed).
 */
final class OwnHits {
    static final String VENDOR = "SHOL";
    /** Nominal upload speed in kbit/s; servents only use it to sort hits. */
    static final long SPEED = 10_000;

    private OwnHits() {
    }

    /**
     * One hit: at most {@link QueryHit#MAX_RESULTS} results.
     *
     * @param pushProxies null when others can connect to us; else we are firewalled: the hit says
     *                    "push needed" and names these ultrapeers as our push proxies (GGEP {@code PUSH})
     */
    static QueryHit of(List<QueryHit.Result> results, InetSocketAddress advertised, Guid serventId,
            boolean browsable, List<InetSocketAddress> pushProxies) {
        boolean firewalled = pushProxies != null;
        Ggep trailer = firewalled ? PushProxy.inHit(pushProxies) : Ggep.EMPTY;
        if (browsable) {
            trailer = trailer.with(GgepExtension.flag("BH"));
        }
        return new QueryHit(advertised, SPEED, results, VENDOR,
                QueryHit.Flags.of(firewalled, false, false, false, !trailer.isEmpty()), trailer, new byte[0],
                serventId);
    }
}
