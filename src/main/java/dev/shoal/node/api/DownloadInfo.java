package dev.shoal.node.api;

import java.util.List;

/**
 * A snapshot of one download.
 *
 * @param id stable while the node runs: the URN's Base32 digest
 * @param sources sources currently transferring
 * @param knownSources every source known so far
 * @param reason why it failed, or empty
 * @param path where the verified file landed, or empty until it is done
 * @param perSource each source of the current (or last) run of the swarm, with what it delivered
 * @param pieces which source delivered which part of the file, start to end; empty before the
 *     swarm first runs
 * @param verifiedBytes bytes from the start of the file known good: checked against the file's
 *     Tiger tree as they arrived, or all of them once the whole file's SHA-1 matched; only these
 *     ever reach a preview (see {@link Download#preview()})
 */
public record DownloadInfo(String id, String urn, String name, long size, long bytesDone, long bytesPerSecond,
        int sources, int knownSources, DownloadState state, String reason, String path,
        List<SourceProgress> perSource, List<PieceRun> pieces, long verifiedBytes) {

    public DownloadInfo {
        perSource = List.copyOf(perSource);
        pieces = List.copyOf(pieces);
    }

    /** A snapshot of which nothing is known verified yet. */
    public DownloadInfo(String id, String urn, String name, long size, long bytesDone, long bytesPerSecond,
            int sources, int knownSources, DownloadState state, String reason, String path,
            List<SourceProgress> perSource, List<PieceRun> pieces) {
        this(id, urn, name, size, bytesDone, bytesPerSecond, sources, knownSources, state, reason, path, perSource,
                pieces, 0);
    }

    /** A snapshot without the per-source breakdown. */
    public DownloadInfo(String id, String urn, String name, long size, long bytesDone, long bytesPerSecond,
            int sources, int knownSources, DownloadState state, String reason, String path) {
        this(id, urn, name, size, bytesDone, bytesPerSecond, sources, knownSources, state, reason, path, List.of(),
                List.of());
    }

    /** Seconds until done at the current speed, or -1 when unknown. */
    public long etaSeconds() {
        if (bytesPerSecond <= 0 || size <= 0) {
            return -1;
        }
        return Math.max(0, (size - bytesDone) / bytesPerSecond);
    }

    public double fraction() {
        return size <= 0 ? 0 : Math.min(1.0, (double) bytesDone / size);
    }
}
