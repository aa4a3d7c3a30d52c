package dev.shoal.transfer.download;

import dev.shoal.thex.HashTree;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of checking chunks as they arrive: it follows the {@link TreeFetch} (a
 * tree installed, or dropped), runs the {@link ChunkVerifier} over the chunks done, and deals with
 * the bad ones at once: their chunks are fetched again, and a source that sent a whole bad unit
 * is banned. A bad unit sent by several sources (only when the tree's nodes are larger than a
 * chunk) bans nobody; after {@link #MAX_SHARED_FAILURES} it is left to the final SHA-1 and its
 * search for the liar. Used by the coordinating thread only, except {@link #verifiedPrefix()}.
 */
final class Verification {
    private static final Logger log = LoggerFactory.getLogger(Verification.class);
    static final int MAX_SHARED_FAILURES = 3;

    /** How a source is banned: by the download, which also tells its listener. */
    interface Banner {
        void ban(Source source, String why);
    }

    private final TreeFetch trees;
    private final ChunkScheduler chunks;
    private final PrefixHasher hasher;
    private final Banner banner;
    private final Map<Integer, Integer> sharedFailures = new HashMap<>();
    private HashTree inUse;
    private ChunkVerifier verifier = ChunkVerifier.NONE;
    private volatile long verified;

    Verification(TreeFetch trees, ChunkScheduler chunks, PrefixHasher hasher, Banner banner) {
        this.trees = trees;
        this.chunks = chunks;
        this.hasher = hasher;
        this.banner = banner;
    }

    /** Checks done chunks, reading about {@code maxBytes} at most; true when it read any. */
    boolean step(PrefixHasher.Source file, long maxBytes) throws IOException {
        follow();
        ChunkVerifier.Checked checked = verifier.check(file, chunks.doneSnapshot(), maxBytes);
        checked.bad().forEach(this::reject);
        verified = verifier.verifiedPrefix();
        return checked.bytes() > 0;
    }

    /** With every chunk done: checks all that is left; true when nothing was found bad. */
    boolean checkRest(PrefixHasher.Source file) throws IOException {
        follow();
        ChunkVerifier.Checked checked = verifier.check(file, chunks.doneSnapshot(), Long.MAX_VALUE);
        checked.bad().forEach(this::reject);
        verified = verifier.verifiedPrefix();
        return checked.bad().isEmpty();
    }

    private void follow() {
        HashTree current = trees.current();
        if (current != inUse) {
            inUse = current;
            verifier = current == null ? ChunkVerifier.NONE
                    : TreeVerifier.of(current, chunks.layout()).<ChunkVerifier>map(v -> v).orElse(ChunkVerifier.NONE);
            sharedFailures.clear();
        }
    }

    private void reject(ChunkVerifier.Unit unit) {
        ChunkOwners owners = chunks.owners();
        Set<Source> providers = new LinkedHashSet<>();
        for (int c : unit.chunks()) {
            providers.add(owners.providerOf(c));
        }
        List<Integer> bad = unit.chunks();
        chunks.invalidate(bad);
        verifier.forget(bad);
        if (hasher.hashed() > chunks.range(unit.first()).first()) {
            hasher.restart();
        }
        String what = bad.size() == 1 ? "chunk " + unit.first() : "chunks " + unit.first() + "-" + unit.last();
        if (providers.size() == 1 && !providers.contains(null)) {
            banner.ban(providers.iterator().next(), what + " did not match the Tiger tree");
        } else if (providers.size() == 1) {
            log.info("{} kept from an earlier run did not match the Tiger tree: fetching it again", what);
        } else if (sharedFailures.merge(unit.index(), 1, Integer::sum) >= MAX_SHARED_FAILURES) {
            log.warn("{} from {} keeps failing the Tiger tree: left to the file's SHA-1", what, providers);
            verifier.giveUp(unit);
        } else {
            log.info("{} from {} did not match the Tiger tree: fetching it again", what, providers);
        }
    }

    /** Bytes from the start that passed the tree; 0 without a tree. */
    long verifiedPrefix() {
        return verified;
    }

    /** How far the SHA-1 may digest: the done prefix, but only what passed when there is a tree. */
    long hashable(long donePrefix) {
        return verifier == ChunkVerifier.NONE ? donePrefix : Math.min(donePrefix, verifier.verifiedPrefix());
    }

    /** These chunks are to be fetched again (the SHA-1's search for a liar): their checks no longer hold. */
    void forget(List<Integer> bad) {
        verifier.forget(bad);
        verified = verifier.verifiedPrefix();
    }

    /**
     * The file's SHA-1 did not match. If every byte had passed the tree, the tree's root is false:
     * it is never trusted again and whoever sent the tree is banned. True when that was the case.
     */
    boolean blameTree(long size) {
        if (verifier == ChunkVerifier.NONE || verifier.verifiedPrefix() < size) {
            return false;
        }
        Source provider = trees.provider();
        trees.discredit();
        follow();
        verified = 0;
        banner.ban(provider, "its Tiger tree vouched for data whose SHA-1 does not match the URN");
        return true;
    }
}
