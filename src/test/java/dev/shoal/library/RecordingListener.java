package dev.shoal.library;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every callback for later assertions; safe to read from the test thread. */
final class RecordingListener implements LibraryListener {
    record Change(int files, long bytes) {
    }

    final List<IndexingProgress> progress = new CopyOnWriteArrayList<>();
    final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void indexingProgress(IndexingProgress p) {
        progress.add(p);
    }

    @Override
    public void libraryChanged(int files, long bytes) {
        changes.add(new Change(files, bytes));
    }
}
