package dev.shoal.node.api;

/**
 * A host offering a file, as learnt from a search hit or a magnet link.
 *
 * @param serventId the host's servent id (32 hex digits) from its hit, or empty when unknown;
 *     with it a host we cannot connect to is asked by Push to connect to us
 * @param firewalled the hit said the host cannot accept connections: Push first
 * @param tigerRoot the file's Tiger tree root as the host's hit gave it (Base32), or empty
 */
public record DownloadSource(String host, int port, long index, String name, String serventId, boolean firewalled,
        String tigerRoot) {
    public DownloadSource {
        serventId = serventId == null ? "" : serventId;
        tigerRoot = tigerRoot == null ? "" : tigerRoot;
    }

    /** A host known from a hit without a Tiger tree root. */
    public DownloadSource(String host, int port, long index, String name, String serventId, boolean firewalled) {
        this(host, port, index, name, serventId, firewalled, "");
    }

    /** A host known by address only (a magnet's {@code xs}, a user's entry). */
    public DownloadSource(String host, int port, long index, String name) {
        this(host, port, index, name, "", false);
    }

    public static DownloadSource of(SearchHit hit) {
        return new DownloadSource(hit.host(), hit.port(), hit.index(), hit.name(), hit.serventId(),
                hit.firewalled(), hit.tigerRoot());
    }
}
