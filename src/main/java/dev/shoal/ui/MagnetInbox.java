package dev.shoal.ui;

import dev.shoal.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magnet links handed to the running app by a second launch on the same data folder, as when a
 * browser opens a link while Shoal runs: one file per link in {@code <data>/inbox}, written whole
 * (then renamed) by the launch, taken and deleted by the app, oldest first.
 */
final class MagnetInbox {
    static final String FOLDER = "inbox";
    private static final String SUFFIX = ".magnet";
    private static final Logger log = LoggerFactory.getLogger(MagnetInbox.class);

    private MagnetInbox() {
    }

    /** Leaves {@code links} for the app running on {@code dataDir}. */
    static void drop(Path dataDir, List<String> links) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve(FOLDER));
        for (String link : links) {
            String name = String.format("%020d-%s", System.currentTimeMillis(), UUID.randomUUID());
            // Written whole under a name the app does not list, then renamed: never read half-written.
            AtomicFile.writeString(inbox.resolve(name + SUFFIX), link.strip());
        }
    }

    /** The links left since the last look, oldest first; their files are deleted. Disk I/O: off the EDT. */
    static List<String> take(Path dataDir) {
        Path inbox = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, "*" + SUFFIX)) {
            dir.forEach(files::add);
        } catch (IOException e) {
            log.warn("cannot read the magnet inbox {}: {}", inbox, e.toString());
            return List.of();
        }
        files.sort(null);
        List<String> links = new ArrayList<>();
        for (Path f : files) {
            try {
                links.add(Files.readString(f, StandardCharsets.UTF_8).strip());
                Files.delete(f);
            } catch (NoSuchFileException e) {
                // taken already
            } catch (IOException e) {
                log.warn("cannot take {} from the magnet inbox: {}", f, e.toString());
            }
        }
        return links;
    }
}
