package dev.shoal.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What the app checks before it starts its node, so that a failure is explained rather than met
 * with the wrong offer: whether another copy of the app already runs on the same data folder, and
 * whether the configured port is taken.
 */
final class StartupChecks {
    static final String LOCK_FILE = "app.lock";

    private StartupChecks() {
    }

    /**
     * Takes the data folder for this process. Empty when another app holds it; the lock lasts
     * until closed or the process ends.
     */
    static Optional<AutoCloseable> lockDataFolder(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        FileLock held = lock;
        return Optional.of(() -> {
            held.release();
            channel.close();
        });
    }

    /** True when nothing may listen on {@code address} now, because another program does. */
    static boolean portTaken(InetSocketAddress address) {
        if (address.getPort() == 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(address);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
