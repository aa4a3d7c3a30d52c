package dev.shoal.transfer.download;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.util.List;
import java.util.Objects;

/**
 * What to download: the file's URN, exact size and suggested name, and the sources known so far;
 * {@code tigerRoot} is the root of its Tiger tree when the user's link named it (a bitprint), else
 * null: then the root is learnt from sources.
 */
public record DownloadRequest(Urn urn, long size, String name, List<Source> sources, TigerRoot tigerRoot) {
    public DownloadRequest {
        Objects.requireNonNull(urn, "urn");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        name = name == null ? "" : name;
        sources = List.copyOf(sources);
    }

    public DownloadRequest(Urn urn, long size, String name, List<Source> sources) {
        this(urn, size, name, sources, null);
    }

    /** @throws IllegalArgumentException when the magnet has no size ({@code xl}) */
    public static DownloadRequest fromMagnet(Magnet magnet) {
        long size = magnet.size().orElseThrow(() -> new IllegalArgumentException("magnet link without xl (size)"));
        return new DownloadRequest(magnet.urn(), size, magnet.displayName(), magnet.sources());
    }
}
