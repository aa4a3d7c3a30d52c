package dev.shoal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only {@code shared/} folder that sits beside the repository. */
public final class SharedVectors {
    private SharedVectors() {
    }

    public static Path sharedRoot() {
        String override = System.getProperty("shoal.shared");
        if (override != null) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("vectors"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/ folder not found beside " + dir);
    }

    public static Path gtkGnutella() {
        return sharedRoot().resolve("vectors").resolve("gtk-gnutella");
    }

    public static byte[] read(String gtkgFile) {
        try {
            return Files.readAllBytes(gtkGnutella().resolve(gtkgFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
