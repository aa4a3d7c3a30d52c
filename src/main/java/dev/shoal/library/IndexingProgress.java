package dev.shoal.library;

/** Where a batch of hashing stands: files and bytes done out of those found to need hashing. */
public record IndexingProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal) {
    public boolean done() {
        return filesDone >= filesTotal;
    }
}
