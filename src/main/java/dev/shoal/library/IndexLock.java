package dev.shoal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The write lock of an index folder, held without opening the index: a library that shares nothing
 * needs no index, but keeps another servent off its data folder all the same, by the very lock an
 * open index holds.
 */
final class IndexLock implements AutoCloseable {
    private final Directory directory;
    private final Lock lock;

    private IndexLock(Directory directory, Lock lock) {
        this.directory = directory;
        this.lock = lock;
    }

    static IndexLock take(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory directory = new NIOFSDirectory(dir);
        try {
            return new IndexLock(directory, directory.obtainLock(IndexWriter.WRITE_LOCK_NAME));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IOException(FileIndex.HELD_ELSEWHERE, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.close();
        } finally {
            directory.close();
        }
    }
}
