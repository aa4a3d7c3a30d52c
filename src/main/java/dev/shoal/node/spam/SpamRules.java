package dev.shoal.node.spam;

/**
 * The thresholds of the spam filter, in one place. Each is set well past what honest servents do,
 * so that no real result is hidden for lack of a margin (the filter's tests hold a realistic honest
 * set that must keep every result).
 *
 * @param floodNames a host that sends more distinct names than this for one search is a flooder:
 *     Shoal answers with at most 100 files, and well-behaved servents send about as many
 * @param manyNames one URN under at least this many unrelated names is a fake: renamed copies of a
 *     real file keep their words, a decoy is named after every query it answers
 * @param echoQueries a host that named files after at least this many different searches, always
 *     with one size, names them after the query, not after what it has
 * @param minAudioBytes audio smaller than this cannot hold a second of sound worth sharing
 * @param minVideoBytes video smaller than this is a trap posing as a film (or a link to a "codec")
 */
public record SpamRules(int floodNames, int manyNames, int echoQueries, long minAudioBytes, long minVideoBytes) {
    public static final SpamRules DEFAULT = new SpamRules(150, 12, 3, 8 * 1024, 64 * 1024);
}
