package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unfinished downloads kept in an incomplete folder: what a restarted node resumes, and how a
 * cancelled download's data is thrown away.
 */
public final class IncompleteDownloads {
    private static final Logger log = LoggerFactory.getLogger(IncompleteDownloads.class);

    private IncompleteDownloads() {
    }

    /**
     * One request (without sources) per readable {@code .state} file whose {@code .part} exists.
     * Read the way {@link PartFile} writes it: a properties stream in ISO-8859-1 with escapes.
     */
    public static List<DownloadRequest> list(Path incompleteDir) {
        List<DownloadRequest> found = new ArrayList<>();
        if (!Files.isDirectory(incompleteDir)) {
            return found;
        }
        try (DirectoryStream<Path> states = Files.newDirectoryStream(incompleteDir, "*.state")) {
            for (Path state : states) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(state)) {
                    p.load(in);
                    Urn urn = Urn.parse(p.getProperty("urn", ""));
                    if (Files.exists(incompleteDir.resolve(urn.base32() + ".part"))) {
                        found.add(new DownloadRequest(urn, Long.parseLong(p.getProperty("size", "")),
                                p.getProperty("name", ""), List.of()));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("skipping unreadable download state {}: {}", state, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {}: {}", incompleteDir, e.getMessage());
        }
        return found;
    }

    /** Deletes the partial data and state of one download. */
    public static void discard(Path incompleteDir, Urn urn) throws IOException {
        for (String suffix : List.of(".part", ".state", ".state.tmp")) {
            Files.deleteIfExists(incompleteDir.resolve(urn.base32() + suffix));
        }
    }
}
