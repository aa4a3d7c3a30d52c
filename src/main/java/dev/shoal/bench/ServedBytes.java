package dev.shoal.bench;

import dev.shoal.node.api.UploadInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bytes the sharing nodes sent, counted on their side from their upload events: what a download
 * cost the network, including what a killed downloader never read. Thread-safe.
 */
final class ServedBytes {
    private final Map<String, Long> sent = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> ended = new HashSet<>();

    /** An upload event from node {@code node} (see {@link SharingNodes#watchUploads}). */
    synchronized void seen(int node, UploadInfo upload) {
        String key = node + "/" + upload.id();
        sent.merge(key, upload.bytesSent(), Math::max);
        if (upload.finished()) {
            running.remove(key);
            ended.add(key);
        } else if (!ended.contains(key)) {
            running.add(key);
        }
    }

    synchronized long total() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when every upload seen has ended, so {@link #total} is final. */
    synchronized boolean idle() {
        return running.isEmpty();
    }

    synchronized void clear() {
        sent.clear();
        running.clear();
        ended.clear();
    }
}
