package dev.shoal.library;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches directories one by one (the JDK has no portable recursive watch) and reports the path
 * of every created, modified or deleted entry. It does not interpret events: a rename arrives as
 * a delete of the old name and a create of the new one, and the caller decides what a path
 * means by looking at the disk once things settle.
 *
 * <p>Events are read on one daemon thread and handed to {@link Events}; registration may be
 * called from any thread.
 */
final class DirectoryWatcher implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

    interface Events {
        /** Something happened to {@code path}; {@code modified} is true for pure content changes. */
        void changed(Path path, boolean modified);

        /** Events were lost; only a full rescan can tell what changed. */
        void overflowed();
    }

    private final WatchService service;
    private final Events events;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean warnedLimit;

    DirectoryWatcher(FileSystem fileSystem, Events events) throws IOException {
        this.service = fileSystem.newWatchService();
        this.events = events;
        this.thread = new Thread(this::run, "shoal-library-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts watching {@code dir} itself (not its subdirectories); repeated calls are cheap. A key
     * left from a deleted folder of the same name is invalid and gets replaced.
     */
    void register(Path dir) {
        WatchKey existing = keys.get(dir);
        if (existing != null && existing.isValid()) {
            return;
        }
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            keys.put(dir, key);
        } catch (ClosedWatchServiceException e) {
            // Closing: nothing left to watch for.
        } catch (IOException e) {
            // Typically the inotify watch limit: the folder stays shared, changes show at next start.
            if (!warnedLimit) {
                warnedLimit = true;
                log.warn("Cannot watch {} ({}); changes below it are picked up at the next start", dir, e.toString());
            } else {
                log.debug("Cannot watch {}: {}", dir, e.toString());
            }
        }
    }

    /**
     * Stops watching {@code dir} and everything below it. Needed when a folder is moved away:
     * Linux keeps watching the moved folder and would report its new contents under the old path.
     */
    void unregisterTree(Path dir) {
        keys.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(dir)) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    boolean isWatching(Path dir) {
        return keys.containsKey(dir);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    dispatch(dir, event);
                }
                if (!key.reset()) {
                    keys.remove(dir, key);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            log.debug("Watcher stopped");
        }
    }

    private void dispatch(Path dir, WatchEvent<?> event) {
        try {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                events.overflowed();
            } else {
                Path child = dir.resolve((Path) event.context());
                events.changed(child, event.kind() == StandardWatchEventKinds.ENTRY_MODIFY);
            }
        } catch (RuntimeException e) {
            log.warn("Could not handle watch event {} in {}", event.kind(), dir, e);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
