package dev.shoal.node.api;

import java.util.List;

/**
 * Where one of our searches went and how its hits came back, as far as Gnutella lets us know.
 *
 * <p>We know the links we sent the query to (for an ultrapeer running it step by step, each link
 * as it is asked). For each hit we know the link it came back on, how many servents relayed it
 * ({@code hops}, as in {@link SearchHit#hops()}: 0 is a direct peer's own answer), and the responder's address and servent id as
 * it wrote them. The servents in between are not named anywhere in a hit: a path through more than
 * one relay is known only by its two ends, its first link and its length (the network map may know
 * the first relay's neighbours, which is as far as anyone can draw it). A firewalled responder's
 * address is often private and tells little; its servent id identifies it.
 *
 * @param queried the links the query was sent to, first first
 * @param hits one entry per responder and link it came back on, first first
 * @param hitsNotKept hits whose paths were left out once {@link #MAX_PATHS} were kept
 */
public record SearchReach(List<Queried> queried, List<HitPath> hits, int hitsNotKept) {
    /** Responder and link pairs kept per search: enough to draw, bounded against a flood. */
    public static final int MAX_PATHS = 1000;

    public static final SearchReach NONE = new SearchReach(List.of(), List.of(), 0);
    /**
     * The {@link HitPath#linkId()} of hits that came by UDP, out of band: straight from the
     * responder, on no link (then {@link HitPath#via()} is the responder's address).
     */
    public static final long BY_UDP = -1;

    public SearchReach {
        queried = List.copyOf(queried);
        hits = List.copyOf(hits);
    }

    /** A link the query went out on ({@link NetworkMap.Link#id()}). */
    public record Queried(long linkId, String address) {
    }

    /**
     * How one responder's hits came back.
     *
     * @param linkId the link they came in on ({@link NetworkMap.Link#id()}), or {@link #BY_UDP}
     * @param via that link's address
     * @param hops servents that relayed them, as in {@link SearchHit#hops()}: 0 when the responder is our peer
     * @param responder the address the responder put in its hit, {@code host:port}
     * @param results results in all its hits along this link
     */
    public record HitPath(long linkId, String via, int hops, String responder, String serventId, String vendor,
            boolean firewalled, int results) {
    }
}
