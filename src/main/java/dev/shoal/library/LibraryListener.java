package dev.shoal.library;

import java.nio.file.Path;

/**
 * Told what the library is doing. Called on the library's worker thread: return quickly and hand
 * anything slow (or any UI work) to another thread. Exceptions thrown here are logged and ignored.
 */
public interface LibraryListener {
    LibraryListener NONE = new LibraryListener() {
    };

    /** Hashing progress of the current batch; the last call of a batch has {@code done()} true. */
    default void indexingProgress(IndexingProgress progress) {
    }

    /** The set of shared files changed (and searches already see the change). */
    default void libraryChanged(int files, long bytes) {
    }

    /**
     * What was left out because it looks private changed: {@code count} entries, listed in
     * {@code listFile}; paths listed in {@code anywayFile} are shared all the same.
     */
    default void leftOut(int count, Path listFile, Path anywayFile) {
    }
}
