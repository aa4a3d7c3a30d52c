package dev.shoal.node.api;

/**
 * How far finding the network has come: caches asked (UDP host caches and GWebCaches), hosts they
 * gave, and links up now.
 *
 * @param active      the node is still looking for hosts (false: it has its links, or never looks)
 * @param cachesAsked requests sent to caches since start
 * @param hostsFound  hosts the caches gave (before removing ones we knew)
 * @param connected   links up now
 */
public record BootstrapStatus(boolean active, int cachesAsked, int hostsFound, int connected) {
    public static final BootstrapStatus IDLE = new BootstrapStatus(false, 0, 0, 0);

    /** As the log and {@code shoal node} say it: {@code bootstrapping: asked 2 caches, 37 hosts, 3 connected}. */
    public String line() {
        return (active ? "bootstrapping" : "bootstrap done") + ": asked " + cachesAsked + " cache"
                + (cachesAsked == 1 ? "" : "s") + ", " + hostsFound + " host" + (hostsFound == 1 ? "" : "s") + ", "
                + connected + " connected";
    }
}
