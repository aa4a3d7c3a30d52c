package dev.shoal.node.api;

/**
 * A stretch of consecutive chunks of a download with the same origin: the piece map is a list of
 * these from the start of the file to its end.
 *
 * @param chunks how many chunks the run covers (at least 1)
 * @param source the index in {@link DownloadInfo#perSource()} of the source that delivered them,
 *     {@link #MISSING} or {@link #EARLIER}
 */
public record PieceRun(int chunks, int source) {
    /** Not on disk yet. */
    public static final int MISSING = -1;
    /** On disk from an earlier run of the download (before a pause or a restart); origin unknown. */
    public static final int EARLIER = -2;

    public PieceRun {
        if (chunks < 1 || source < EARLIER) {
            throw new IllegalArgumentException("bad piece run: " + chunks + " chunks from " + source);
        }
    }
}
