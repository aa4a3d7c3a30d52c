package dev.shoal.transfer.download;

/**
 * One source of a swarm as progress displays see it (see {@link SwarmDownload#sourceStats()}).
 *
 * @param delivered bytes of whole chunks it provided to this swarm
 */
public record SourceStats(Source source, long delivered, State state) {
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
