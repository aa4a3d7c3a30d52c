package dev.shoal.library;

import dev.shoal.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one batch of hashing and reports it: to the listener at most every 250 ms, to the log
 * every 2 s, both on the library's clock, and both once at the end. Used only on the library
 * worker thread.
 */
final class ProgressMeter {
    private static final Logger log = LoggerFactory.getLogger(Library.class);
    private static final long LISTENER_INTERVAL = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long LOG_INTERVAL = TimeUnit.SECONDS.toNanos(2);

    private final LibraryListener listener;
    private final Clock clock;
    private final int filesTotal;
    private final long bytesTotal;
    private final long started;
    private int filesDone;
    private long bytesDone;
    private long lastListened;
    private long lastLogged;

    ProgressMeter(LibraryListener listener, int filesTotal, long bytesTotal, Clock clock) {
        this.listener = listener;
        this.clock = clock;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
        this.started = clock.nanoTime();
        this.lastListened = started;
        this.lastLogged = started;
        tell();
    }

    void bytes(long n) {
        bytesDone += n;
        maybeReport();
    }

    /** A file is finished (hashed or skipped); {@code unread} bytes it was expected to have are written off. */
    void fileDone(long unread) {
        filesDone++;
        bytesDone += Math.max(0, unread);
        maybeReport();
    }

    private void maybeReport() {
        long now = clock.nanoTime();
        if (now - lastListened >= LISTENER_INTERVAL) {
            lastListened = now;
            tell();
        }
        if (now - lastLogged >= LOG_INTERVAL) {
            lastLogged = now;
            log.info("Hashing: {}/{} files, {} of {}", filesDone, filesTotal, megabytes(bytesDone), megabytes(bytesTotal));
        }
    }

    void finish() {
        filesDone = filesTotal;
        bytesDone = bytesTotal;
        tell();
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started));
        if (filesTotal > 0) {
            log.info("Hashed {} files, {} in {} ms ({}/s)", filesTotal, megabytes(bytesTotal), millis,
                    megabytes(bytesTotal * 1000 / millis));
        }
    }

    /** Bytes for people: "12.3 MB". */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private void tell() {
        try {
            listener.indexingProgress(new IndexingProgress(filesDone, filesTotal, bytesDone, bytesTotal));
        } catch (RuntimeException e) {
            log.warn("Library listener failed on progress", e);
        }
    }
}
