package dev.shoal.node.api;

/**
 * One file offered by one host in answer to a search.
 *
 * @param urn {@code urn:sha1:...}, or empty when the responder sent none
 * @param hops how many links the hit crossed to reach us (0 = a direct peer)
 * @param serventId the responder's servent id, 32 hex digits
 * @param firewalled the responder says it cannot accept connections; a download asks it by Push
 */
public record SearchHit(String name, long size, String urn, String host, int port, long index, int hops,
        String serventId, String vendor, boolean firewalled) {
}
