package dev.shoal.net;

import java.time.Duration;

/**
 * What any one peer may take of this node, so that a hostile one costs only its own link: the
 * budgets of each link, the share of sockets, links and sessions one address may hold, how often
 * it may connect before it is banned for a while, and the deadlines that reap slow and idle
 * sockets. Defaults are in {@link #defaults}; {@code protocol-spec/limits.md} lists them all.
 *
 * @param budgets            what each link may send (messages and bytes per second)
 * @param socketsPerAddress  accepted sockets from one address that are not yet a link or an HTTP session
 * @param socketsTotal       such sockets from all addresses together
 * @param linksPerAddress    Gnutella links from one address (leaves included)
 * @param leavesPerAddress   leaf links from one address
 * @param httpPerAddress     HTTP sessions from one address
 * @param connectsPerMinute  connections one address may open a minute (with a burst of as many) before it
 *                           is banned
 * @param firstBan           how long the first ban lasts; each further ban of the same address doubles it
 * @param longestBan         the longest ban
 * @param trackedAddresses   addresses remembered for connect rates and bans; the least recently seen go first
 * @param httpHeadTimeout    time from a request's first byte to the end of its head, on a session that
 *                           already served one (the first head must come within the handshake timeout)
 * @param httpStall          time an HTTP answer may go without {@link #STALL_PROGRESS_BYTES} bytes of progress
 * @param sendStall          time a link's send queue may stay congested before the link is closed (Bye 502)
 */
public record PeerLimits(InboundBudget.Limits budgets, int socketsPerAddress, int socketsTotal, int linksPerAddress,
        int leavesPerAddress, int httpPerAddress, int connectsPerMinute, Duration firstBan, Duration longestBan,
        int trackedAddresses, Duration httpHeadTimeout, Duration httpStall, Duration sendStall) {

    /** Bytes an HTTP answer must get out within {@link #httpStall}. */
    public static final int STALL_PROGRESS_BYTES = 1024;

    public PeerLimits {
        if (budgets == null || socketsPerAddress < 1 || socketsTotal < socketsPerAddress || linksPerAddress < 1
                || leavesPerAddress < 1 || httpPerAddress < 1 || connectsPerMinute < 1 || trackedAddresses < 1) {
            throw new IllegalArgumentException("peer limits must be positive");
        }
        for (Duration d : new Duration[] {firstBan, longestBan, httpHeadTimeout, httpStall, sendStall}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("peer limit durations must be positive");
            }
        }
    }

    /**
     * One address may hold a quarter of the links and of the leaf slots (at least two of each),
     * an eighth of the HTTP sessions and 8 handshaking sockets; it may open 30 connections a
     * minute, then is banned for 5 minutes, doubling up to an hour, as gtk-gnutella does (its
     * limit is 2 a minute, too few for Shoal's own downloader and for nodes sharing a host).
     */
    public static PeerLimits defaults(int maxConnections, int maxLeaves) {
        return new PeerLimits(InboundBudget.Limits.defaults(), 8, 512, Math.max(2, maxConnections / 4),
                Math.max(2, maxLeaves / 4), Math.max(2, HttpSessions.MAX_SESSIONS / 8), 30, Duration.ofMinutes(5),
                Duration.ofHours(1), 4096, Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * No per-address share nor connect-rate ban worth the name: for networks whose many peers all
     * come from one address but stand for different hosts (nodes started side by side on 127.0.0.1
     * by tests and benchmarks). Never for a node that talks to strangers.
     */
    public PeerLimits oneAddressForAll() {
        return withPerAddress(10_000, 10_000, 10_000, 10_000)
                .withConnectRate(10_000, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    public PeerLimits withBudgets(InboundBudget.Limits b) {
        return new PeerLimits(b, socketsPerAddress, socketsTotal, linksPerAddress, leavesPerAddress, httpPerAddress,
                connectsPerMinute, firstBan, longestBan, trackedAddresses, httpHeadTimeout, httpStall, sendStall);
    }

    public PeerLimits withPerAddress(int sockets, int links, int leaves, int http) {
        return new PeerLimits(budgets, sockets, Math.max(socketsTotal, sockets), links, leaves, http,
                connectsPerMinute, firstBan, longestBan, trackedAddresses, httpHeadTimeout, httpStall, sendStall);
    }

    /**
     * At most {@code total} accepted sockets from all addresses together before they are a link or
     * HTTP session (and no more than that from one address).
     */
    public PeerLimits withSocketsTotal(int total) {
        return new PeerLimits(budgets, Math.min(socketsPerAddress, total), total, linksPerAddress, leavesPerAddress, httpPerAddress,
                connectsPerMinute, firstBan, longestBan, trackedAddresses, httpHeadTimeout, httpStall, sendStall);
    }

    public PeerLimits withConnectRate(int perMinute, Duration ban, Duration longest) {
        return new PeerLimits(budgets, socketsPerAddress, socketsTotal, linksPerAddress, leavesPerAddress,
                httpPerAddress, perMinute, ban, longest, trackedAddresses, httpHeadTimeout, httpStall, sendStall);
    }

    public PeerLimits withTimeouts(Duration head, Duration stall, Duration send) {
        return new PeerLimits(budgets, socketsPerAddress, socketsTotal, linksPerAddress, leavesPerAddress,
                httpPerAddress, connectsPerMinute, firstBan, longestBan, trackedAddresses, head, stall, send);
    }
}
