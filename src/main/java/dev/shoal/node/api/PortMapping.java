package dev.shoal.node.api;

import java.util.Optional;

/**
 * What became of mapping the node's port on the home router (UPnP IGD).
 *
 * @param state           where it stands
 * @param externalAddress the router's address on the internet, once the router said it
 * @param externalPort    the port mapped on the router to ours, 0 until mapped
 * @param detail          a short line for people: the router's name, or why it did not work
 */
public record PortMapping(State state, Optional<String> externalAddress, int externalPort, String detail) {
    /** The stages of a mapping. */
    public enum State {
        /** Port mapping is not enabled (the node has not joined the public network). */
        OFF,
        /** Looking for the router, or asking it. */
        MAPPING,
        /** The router forwards its external port to ours. */
        MAPPED,
        /** No router answered, or it refused; {@code detail} says which. */
        NOT_MAPPED
    }

    public PortMapping {
        if (state == null || externalAddress == null || detail == null || externalPort < 0 || externalPort > 0xFFFF) {
            throw new IllegalArgumentException("a port mapping needs a state, an optional address and a detail");
        }
    }

    public static PortMapping off() {
        return new PortMapping(State.OFF, Optional.empty(), 0, "off");
    }

    /** One line for the log and the Network tab: "mapped 203.0.113.7:6346 (router)", "not mapped: ...". */
    public String describe() {
        return switch (state) {
            case OFF -> "off";
            case MAPPING -> "mapping...";
            case MAPPED -> "mapped " + externalAddress.map(a -> a + ":").orElse("port ") + externalPort
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            case NOT_MAPPED -> "not mapped: " + detail;
        };
    }
}
