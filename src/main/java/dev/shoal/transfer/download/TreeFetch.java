package dev.shoal.transfer.download;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import dev.shoal.thex.ThexException;
import dev.shoal.transfer.http.XThexUri;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Tiger tree a download checks its chunks against, and where it gets it. Thread-safe.
 *
 * <p>The root to trust comes with the download (a bitprint in the user's link), or else from what
 * sources claim, in their hits and in their {@code X-Thex-URI} headers; claims are trusted only
 * while they agree, since a tree with a false root would make good sources look like liars. The
 * tree is fetched from a source that offers one with that root, by that source's worker between
 * two requests for chunks (from two sources at most at once, so that one slow or lying source
 * does not hold the others up), and used only if it reads as THEX, describes this file and is
 * consistent with the root. A root later shown false (the file's SHA-1 failed though every chunk
 * matched the tree) is never trusted again.
 */
final class TreeFetch {
    private static final Logger log = LoggerFactory.getLogger(TreeFetch.class);
    static final int MAX_FETCHING = 2;

    private final long size;
    private final TigerRoot given;
    private final Set<TigerRoot> claimed = new HashSet<>();
    private final Set<TigerRoot> discredited = new HashSet<>();
    private final Map<Source, XThexUri> offers = new LinkedHashMap<>();
    private final Set<Source> refused = new HashSet<>();
    private final Set<Source> fetching = new HashSet<>();
    private HashTree tree;
    private Source provider;
    private boolean disputeLogged;

    /** {@code given} is the root the user's link named, or null. */
    TreeFetch(long size, TigerRoot given) {
        this.size = size;
        this.given = given;
    }

    /** A source (through its hit) says the file's tree has this root. */
    synchronized void claim(TigerRoot root) {
        claimed.add(root);
    }

    /** A source says where it serves the tree, and its root. */
    synchronized void offer(Source source, XThexUri offer) {
        claimed.add(offer.root());
        offers.putIfAbsent(source, offer);
    }

    /** The root to check against: the given one, else the one every claim agrees on; null if none. */
    synchronized TigerRoot trusted() {
        TigerRoot root = given;
        if (root == null && claimed.size() == 1) {
            root = claimed.iterator().next();
        } else if (root == null && claimed.size() > 1 && !disputeLogged) {
            disputeLogged = true;
            log.warn("sources disagree on the Tiger tree root ({}): chunks are checked by the SHA-1 only", claimed);
        }
        return root == null || discredited.contains(root) ? null : root;
    }

    /**
     * The tree's request target if {@code source} should fetch it now: no tree yet, not too many
     * being fetched, and the source offers one with the trusted root and has not failed to deliver it.
     */
    synchronized Optional<String> toFetch(Source source) {
        XThexUri offer = offers.get(source);
        TigerRoot root = trusted();
        if (tree != null || fetching.size() >= MAX_FETCHING || fetching.contains(source) || offer == null
                || root == null || !offer.root().equals(root) || refused.contains(source)) {
            return Optional.empty();
        }
        fetching.add(source);
        return Optional.of(offer.uri());
    }

    /** The body {@code source} answered the tree's request with. */
    synchronized void arrived(Source source, byte[] body) {
        fetching.remove(source);
        TigerRoot root = trusted();
        if (root == null || tree != null) {
            return;
        }
        try {
            tree = Thex.decode(body, size, root);
            provider = source;
            log.info("Tiger tree {} (depth {}) from {}: chunks are checked as they arrive", root, tree.depth(),
                    source);
        } catch (ThexException e) {
            log.info("ignoring the Tiger tree from {}: {}", source, e.getMessage());
            refused.add(source);
        }
    }

    /** {@code source} could not deliver the tree (an error answer, or the connection failed). */
    synchronized void failed(Source source) {
        fetching.remove(source);
        refused.add(source);
    }

    /** The tree to check chunks against now; null when there is none or its root is no longer trusted. */
    synchronized HashTree current() {
        if (tree != null && !tree.root().equals(trusted())) {
            log.warn("dropping the Tiger tree {}: its root is no longer trusted", tree.root());
            tree = null;
        }
        return tree;
    }

    /** Who sent the current tree. */
    synchronized Source provider() {
        return provider;
    }

    /** The current tree's root proved false: never trust it again. */
    synchronized void discredit() {
        if (tree != null) {
            discredited.add(tree.root());
            tree = null;
        }
    }
}
