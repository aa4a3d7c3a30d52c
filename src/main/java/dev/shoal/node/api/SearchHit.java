package dev.shoal.node.api;

import java.util.Locale;

/**
 * One file offered by one host in answer to a search.
 *
 * @param urn {@code urn:sha1:...}, or empty when the responder sent none
 * @param hops how many links the hit crossed to reach us (0 = a direct peer)
 * @param serventId the responder's servent id, 32 hex digits
 * @param firewalled the responder says it cannot accept connections; a download asks it by Push
 * @param tigerRoot the root of the file's Tiger tree the responder sent (39 Base32 characters), or
 *     empty: with it a download checks each piece as it arrives
 */
public record SearchHit(String name, long size, String urn, String host, int port, long index, int hops,
        String serventId, String vendor, boolean firewalled, String tigerRoot) {
    public SearchHit {
        tigerRoot = tigerRoot == null ? "" : tigerRoot;
    }

    /** A hit without a Tiger tree root. */
    public SearchHit(String name, long size, String urn, String host, int port, long index, int hops,
            String serventId, String vendor, boolean firewalled) {
        this(name, size, urn, host, port, index, hops, serventId, vendor, firewalled, "");
    }

    /**
     * The file this hit offers: its URN, or its name and size when it came without one (such hits
     * cannot be told apart from other files safely, so each name and size is a file of its own).
     */
    public String fileKey() {
        return urn.isEmpty() ? "name:" + name + "|" + size : urn.toLowerCase(Locale.ROOT);
    }

    /**
     * The host that sent it: its address, or its servent id when it is firewalled (many of those
     * share one private address).
     */
    public String hostKey() {
        return firewalled ? "push:" + serventId : host + ":" + port;
    }
}
