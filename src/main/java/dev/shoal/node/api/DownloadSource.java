package dev.shoal.node.api;

/** A host offering a file, as learnt from a search hit or a magnet link. */
public record DownloadSource(String host, int port, long index, String name) {
    public static DownloadSource of(SearchHit hit) {
        return new DownloadSource(hit.host(), hit.port(), hit.index(), hit.name());
    }
}
