package dev.shoal.protocol.handshake;

/** Our place in the two-tier network, as announced by {@code X-Ultrapeer}. */
public enum NodeRole {
    ULTRAPEER,
    LEAF;

    public String headerValue() {
        return this == ULTRAPEER ? "True" : "False";
    }
}
