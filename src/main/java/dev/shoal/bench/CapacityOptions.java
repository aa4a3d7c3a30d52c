package dev.shoal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code shoal bench capacity [--connections N] [--kind idle|slow|gnutella|all] [--searches S]
 * [--handshake-seconds T] [--keep-alive-seconds K] [--json]}.
 *
 * @param connections connections held at once (1..60000)
 * @param kinds       the kinds measured, each against a fresh node, in this order
 * @param searches    timed searches with and without the crowd (1..100)
 * @param handshakeSeconds the node's handshake timeout (5..3600), which reaps idle and trickling sockets;
 *                    long enough to open the crowd and measure it before the first are reaped
 * @param keepAliveSeconds the node's keep-alive interval (1..600, 20 by default as a node's): the
 *                    leaves are held past it to see each pinged and answering
 * @param json        one JSON object per kind instead of a table
 */
record CapacityOptions(int connections, List<HeldConnections.Kind> kinds, int searches, int handshakeSeconds,
        int keepAliveSeconds, boolean json) {
    static final String USAGE = "usage: shoal bench capacity [--connections N] [--kind idle|slow|gnutella|all]"
            + " [--searches S] [--handshake-seconds T] [--keep-alive-seconds K] [--json]";
    static final int DEFAULT_HANDSHAKE_SECONDS = 120;
    static final int DEFAULT_KEEP_ALIVE_SECONDS = 20;

    static CapacityOptions parse(String[] args) throws BenchUsageException {
        int connections = 5_000;
        String kind = "all";
        int searches = 10;
        int handshake = DEFAULT_HANDSHAKE_SECONDS;
        int keepAlive = DEFAULT_KEEP_ALIVE_SECONDS;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--kind" -> kind = args[++i];
                    case "--searches" -> searches = Integer.parseInt(args[++i]);
                    case "--handshake-seconds" -> handshake = Integer.parseInt(args[++i]);
                    case "--keep-alive-seconds" -> keepAlive = Integer.parseInt(args[++i]);
                    case "--json" -> json = true;
                    default -> throw new BenchUsageException("unknown option '" + args[i] + "'");
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BenchUsageException("bad or missing value: " + e.getMessage());
        }
        if (connections < 1 || connections > 60_000 || searches < 1 || searches > 100 || handshake < 5
                || handshake > 3600 || keepAlive < 1 || keepAlive > 600) {
            throw new BenchUsageException("--connections must be 1..60000, --searches 1..100, --handshake-seconds"
                    + " 5..3600, --keep-alive-seconds 1..600");
        }
        List<HeldConnections.Kind> kinds = new ArrayList<>();
        for (HeldConnections.Kind k : HeldConnections.Kind.values()) {
            if (kind.equals("all") || kind.equals(k.name().toLowerCase(Locale.ROOT))) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            throw new BenchUsageException("--kind must be idle, slow, gnutella or all, not '" + kind + "'");
        }
        return new CapacityOptions(connections, List.copyOf(kinds), searches, handshake, keepAlive, json);
    }
}
