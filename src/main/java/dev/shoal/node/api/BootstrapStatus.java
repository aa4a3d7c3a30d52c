package dev.shoal.node.api;

/**
 * How far finding the network has come: caches asked (UDP host caches and GWebCaches), hosts they
 * gave, and links up now.
 *
 * @param state       off (no cache may be asked), still looking, or done (the node has its links)
 * @param cachesAsked requests sent to caches since start
 * @param hostsFound  hosts the caches gave (before removing ones we knew)
 * @param connected   links up now
 */
public record BootstrapStatus(State state, int cachesAsked, int hostsFound, int connected) {
    /** Where finding the network stands. */
    public enum State {
        /**
         * No cache is ever asked: bootstrapping is off, or the user neither joined the public network
         * nor named caches. Peers the user gave are still dialled.
         */
        OFF,
        /** Fewer links than wanted: hosts are being looked for. */
        BOOTSTRAPPING,
        /** The node has the links it wants; it looks again if it loses them. */
        DONE
    }

    /** A node that never asks a cache. */
    public static final BootstrapStatus OFF = new BootstrapStatus(State.OFF, 0, 0, 0);

    public BootstrapStatus {
        if (state == null || cachesAsked < 0 || hostsFound < 0 || connected < 0) {
            throw new IllegalArgumentException("a bootstrap status needs a state and counts of zero or more");
        }
    }

    /** Looking ({@code active}) or done, with these counts. */
    public BootstrapStatus(boolean active, int cachesAsked, int hostsFound, int connected) {
        this(active ? State.BOOTSTRAPPING : State.DONE, cachesAsked, hostsFound, connected);
    }

    /** The node is still looking for hosts (false: it has its links, or never looks). */
    public boolean active() {
        return state == State.BOOTSTRAPPING;
    }

    /**
     * As the log, {@code shoal node} and the Network tab say it:
     * {@code bootstrapping: asked 2 caches, 37 hosts, 3 connected}, {@code bootstrap done: ...} or
     * {@code bootstrap off}.
     */
    public String line() {
        if (state == State.OFF) {
            return "bootstrap off";
        }
        return (active() ? "bootstrapping" : "bootstrap done") + ": asked " + cachesAsked + " cache"
                + (cachesAsked == 1 ? "" : "s") + ", " + hostsFound + " host" + (hostsFound == 1 ? "" : "s") + ", "
                + connected + " connected";
    }
}
