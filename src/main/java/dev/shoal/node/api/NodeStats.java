package dev.shoal.node.api;

import java.util.List;

/**
 * What a node has dropped, refused and closed since it started, by reason, and its sockets at
 * one instant: the node's defences at work. Immutable.
 *
 * @param links           established Gnutella links
 * @param handshaking     sockets not yet a link nor an HTTP session
 * @param httpSessions    HTTP sessions (uploads, push callbacks) being served
 * @param bannedAddresses addresses banned now for connecting too often
 * @param drops           every reason the node knows, with its count (zeros included), in a fixed order
 */
public record NodeStats(int links, int handshaking, int httpSessions, int bannedAddresses, List<Drop> drops) {
    /**
     * One reason and how often it happened.
     *
     * @param reason      stable name, such as {@code query_flood}
     * @param group       {@code message} (a message dropped), {@code connection} (a connection refused) or
     *                    {@code close} (a link or session closed)
     * @param description what it means, for people
     */
    public record Drop(String reason, String group, String description, long count) {
    }

    public NodeStats {
        drops = List.copyOf(drops);
    }

    /** The count of one reason; 0 for a reason this node does not know. */
    public long count(String reason) {
        for (Drop d : drops) {
            if (d.reason().equals(reason)) {
                return d.count();
            }
        }
        return 0;
    }

    /** Everything counted in one group. */
    public long total(String group) {
        long sum = 0;
        for (Drop d : drops) {
            if (d.group().equals(group)) {
                sum += d.count();
            }
        }
        return sum;
    }
}
