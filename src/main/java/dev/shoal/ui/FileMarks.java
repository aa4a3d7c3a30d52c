package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files the user already has, by URN: shared in the library, downloaded, or on their way.
 * Search results use it to mark what needs no download. Fed by the Library tab's listing and the
 * downloads the node reports; EDT only.
 */
final class FileMarks {
    enum Mark {
        NONE(""), DOWNLOADING("Downloading"), DOWNLOADED("Downloaded"), IN_LIBRARY("In library");

        private final String label;

        Mark(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private Set<String> library = Set.of();
    private final Map<String, DownloadState> downloads = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    /** Returns what to call to stop listening. */
    Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void setLibrary(Collection<String> urns) {
        Set<String> fresh = new HashSet<>();
        urns.forEach(u -> fresh.add(key(u)));
        if (!fresh.equals(library)) {
            library = fresh;
            changed();
        }
    }

    /** Every download the node knows; ones no longer listed (removed) stop counting. */
    void setDownloads(List<DownloadInfo> all) {
        Map<String, DownloadState> fresh = new HashMap<>();
        all.forEach(d -> fresh.put(key(d.urn()), d.state()));
        if (!fresh.equals(downloads)) {
            downloads.clear();
            downloads.putAll(fresh);
            changed();
        }
    }

    void download(DownloadInfo d) {
        if (downloads.put(key(d.urn()), d.state()) != d.state()) {
            changed();
        }
    }

    Mark of(String urn) {
        if (urn == null || urn.isEmpty()) {
            return Mark.NONE;
        }
        String k = key(urn);
        if (library.contains(k)) {
            return Mark.IN_LIBRARY;
        }
        DownloadState s = downloads.get(k);
        if (s == null || s == DownloadState.FAILED || s == DownloadState.CANCELLED) {
            return Mark.NONE;
        }
        return s == DownloadState.DONE ? Mark.DOWNLOADED : Mark.DOWNLOADING;
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** URNs compare without case: Base32 digests arrive in either. */
    private static String key(String urn) {
        return urn.toLowerCase(Locale.ROOT);
    }
}
