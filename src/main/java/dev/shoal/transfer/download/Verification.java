package dev.shoal.transfer.download;

import dev.shoal.thex.HashTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of checking chunks as they arrive. It follows the {@link TreeFetch} (a
 * tree installed, or dropped), hands the units that are due to a thread of their own (a Tiger
 * tree costs several times what the SHA-1 does, and the SHA-1 must keep pace with the sources),
 * and deals with the verdicts on the coordinating thread: a bad unit's chunks are fetched again,
 * and a source that sent a whole bad unit is banned. A bad unit sent by several sources (only when
 * the tree's nodes are larger than a chunk) bans nobody; after {@link #MAX_SHARED_FAILURES} it is
 * left to the final SHA-1 and its search for the liar. Not thread-safe except
 * {@link #verifiedPrefix()}: one batch of units is checked at a time, and verdicts and forgetting
 * happen only between batches.
 */
final class Verification {
    private static final Logger log = LoggerFactory.getLogger(Verification.class);
    static final int MAX_SHARED_FAILURES = 3;
    /** Bytes checked in one batch, so that verdicts come back often. */
    private static final long BATCH_BYTES = 8L * 1024 * 1024;

    /** How a source is banned: by the download, which also tells its listener. */
    interface Banner {
        void ban(Source source, String why);
    }

    private record Verdict(ChunkVerifier.Unit unit, boolean good) {
    }

    private final TreeFetch trees;
    private final ChunkScheduler chunks;
    private final PrefixHasher hasher;
    private final Banner banner;
    private final Executor executor;
    private final Runnable wake;
    private final Map<Integer, Integer> sharedFailures = new HashMap<>();
    private HashTree inUse;
    private ChunkVerifier verifier = ChunkVerifier.NONE;
    private CompletableFuture<List<Verdict>> batch;
    private volatile long verified;

    /** Batches run on {@code executor}; {@code wake} tells the coordinator one is done. */
    Verification(TreeFetch trees, ChunkScheduler chunks, PrefixHasher hasher, Banner banner, Executor executor,
            Runnable wake) {
        this.trees = trees;
        this.chunks = chunks;
        this.hasher = hasher;
        this.banner = banner;
        this.executor = executor;
        this.wake = wake;
    }

    /**
     * Deals with the verdicts of a finished batch and, when {@code wanted}, starts the next one;
     * never waits. True when it dealt with any.
     */
    boolean step(PrefixHasher.Source file, boolean wanted) {
        boolean dealt = false;
        if (batch != null && batch.isDone()) {
            if (batch.isCompletedExceptionally()) {
                // A bug in a check must not end the download: its units are checked again.
                batch.exceptionally(e -> {
                    log.warn("checking chunks against the Tiger tree failed", e);
                    return List.of();
                });
            } else {
                dealt = apply(batch.join());
            }
            batch = null;
        }
        follow();
        if (batch == null && wanted) {
            List<ChunkVerifier.Unit> due = verifier.due(chunks.doneSnapshot(), BATCH_BYTES);
            if (!due.isEmpty()) {
                ChunkVerifier v = verifier;
                batch = CompletableFuture.supplyAsync(() -> check(v, file, due), executor);
                batch.whenComplete((r, e) -> wake.run());
            }
        }
        return dealt;
    }

    private static List<Verdict> check(ChunkVerifier v, PrefixHasher.Source file, List<ChunkVerifier.Unit> due) {
        List<Verdict> out = new ArrayList<>(due.size());
        for (ChunkVerifier.Unit u : due) {
            try {
                out.add(new Verdict(u, v.matches(file, u)));
            } catch (IOException e) {
                // The part file closed under us: the download is ending, the verdict is moot.
                break;
            }
        }
        return out;
    }

    /**
     * After the file's SHA-1 failed: checks every unit not checked yet, here and now, and deals
     * with the bad ones. True when some were bad (their chunks are to be fetched again).
     */
    boolean findBad(PrefixHasher.Source file) throws IOException {
        boolean bad = false;
        if (batch != null) {
            try {
                bad = applyCountingBad(batch.join());
            } catch (CancellationException | CompletionException e) {
                log.debug("tree check ended: {}", e.toString());
            }
            batch = null;
        }
        follow();
        List<Verdict> rest = new ArrayList<>();
        for (ChunkVerifier.Unit u : verifier.due(chunks.doneSnapshot(), Long.MAX_VALUE)) {
            rest.add(new Verdict(u, verifier.matches(file, u)));
        }
        return applyCountingBad(rest) || bad;
    }

    private boolean applyCountingBad(List<Verdict> verdicts) {
        apply(verdicts);
        return verdicts.stream().anyMatch(v -> !v.good());
    }

    private boolean apply(List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            if (v.good()) {
                verifier.passed(v.unit());
            } else {
                reject(v.unit());
            }
        }
        verified = verifier.verifiedPrefix();
        return !verdicts.isEmpty();
    }

    private void follow() {
        HashTree current = trees.current();
        if (current != inUse && batch == null) {
            inUse = current;
            verifier = current == null ? ChunkVerifier.NONE
                    : TreeVerifier.of(current, chunks.layout()).<ChunkVerifier>map(v -> v).orElse(ChunkVerifier.NONE);
            sharedFailures.clear();
            verified = verifier.verifiedPrefix();
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
        if (hasher.hashed() > unit.start()) {
            // The SHA-1 ran ahead over bytes that are now to be replaced.
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

    /** These chunks are to be fetched again (the SHA-1's search for a liar): their checks no longer hold. */
    void forget(List<Integer> bad) {
        verifier.forget(bad);
        verified = verifier.verifiedPrefix();
    }

    /**
     * The file's SHA-1 did not match though every byte had passed the tree: the tree's root is
     * false. It is never trusted again and whoever sent the tree is banned. True when that was so.
     */
    boolean blameTree(long size) {
        if (verifier == ChunkVerifier.NONE || verifier.verifiedPrefix() < size) {
            return false;
        }
        Source provider = trees.provider();
        trees.discredit();
        follow();
        banner.ban(provider, "its Tiger tree vouched for data whose SHA-1 does not match the URN");
        return true;
    }
}
