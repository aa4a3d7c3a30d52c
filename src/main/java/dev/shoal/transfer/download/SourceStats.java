package dev.shoal.transfer.download;

/**
 * One source of a swarm as progress displays see it (see {@link SwarmDownload#sourceStats()}).
 *
 * @param delivered bytes of whole chunks it provided to this swarm
 * @param busy its last answer was a 503 (no free upload slot)
 * @param queuePosition our place in its upload queue ({@code X-Queue}) from that answer, or 0
 * @param retryAtMillis when it may be tried again (the swarm clock's monotonic milliseconds);
 *     meaningful while {@link State#RETRYING}
 * @param push it is reached by Push first: its hit said it is firewalled, or only a Push worked
 */
public record SourceStats(Source source, long delivered, State state, boolean busy, int queuePosition,
        long retryAtMillis, boolean push) {

    /** A source with nothing known about its waits. */
    public SourceStats(Source source, long delivered, State state) {
        this(source, delivered, state, false, 0, 0, source.firewalled());
    }

    public enum State {
        /** A worker is fetching from it (or connecting to it). */
        ACTIVE,
        /** It failed or was busy lately and will be tried again. */
        RETRYING,
        /** Usable but not in use (enough sources at once, held out as a suspect, or the swarm is over). */
        IDLE,
        /** Failed too often or cannot serve the file. */
        DROPPED,
        /** Caught sending bad data. */
        BANNED
    }
}
