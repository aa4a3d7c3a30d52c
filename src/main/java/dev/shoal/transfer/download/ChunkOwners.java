package dev.shoal.transfer.download;

import java.util.BitSet;
import java.util.Map;

/**
 * Which chunks of a swarm are on disk and which source provided each, for progress displays (see
 * {@link SwarmDownload#chunkOwners()}). A done chunk without a provider was resumed from disk.
 */
public record ChunkOwners(int chunks, BitSet done, Map<Integer, Source> providers) {
    public static final ChunkOwners NONE = new ChunkOwners(0, new BitSet(), Map.of());

    public ChunkOwners {
        done = (BitSet) done.clone();
        providers = Map.copyOf(providers);
    }

    @Override
    public BitSet done() {
        return (BitSet) done.clone();
    }

    /** The source that provided a done chunk, or null when it is missing or was resumed from disk. */
    public Source providerOf(int chunk) {
        return providers.get(chunk);
    }

    public boolean isDone(int chunk) {
        return done.get(chunk);
    }
}
