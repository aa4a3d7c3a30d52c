package dev.shoal.node;

import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
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

    /** One hit: at most {@link QueryHit#MAX_RESULTS} results. */
    static QueryHit of(List<QueryHit.Result> results, InetSocketAddress advertised, Guid serventId,
            boolean browsable) {
        Ggep trailer = browsable ? Ggep.of(GgepExtension.flag("BH")) : Ggep.EMPTY;
        return new QueryHit(advertised, SPEED, results, VENDOR,
                QueryHit.Flags.of(false, false, false, false, browsable), trailer, new byte[0], serventId);
    }
}
