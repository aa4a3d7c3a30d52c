package dev.shoal.node.api;

/**
 * One file offered by one host in answer to a search.
 *
 * @param urn {@code urn:sha1:...}, or empty when the responder sent none
 * @param hops how many links the hit crossed to reach us (0 = a direct peer)
 */
public record SearchHit(String name, long size, String urn, String host, int port, long index, int hops,
        String serventId, String vendor) {
}
