package dev.shoal.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Folders never shared whole: the root of a disk and the user's home folder (or a folder holding
 * it, such as {@code /home}). Sharing one of them would offer keys, mail and papers to everyone; the
 * user is asked to pick the folders that hold what they mean to share.
 */
public final class SafeFolders {
    private SafeFolders() {
    }

    /** Why {@code folder} must not be shared, given the user's {@code home}; empty when it may be. */
    public static Optional<String> refusal(Path folder, Path home) {
        Path f = real(folder);
        Path h = real(home);
        if (f.getParent() == null) {
            return Optional.of("will not share " + f + ": it is the whole disk; share the folders that hold what you"
                    + " mean to share, such as " + h.resolve("Music"));
        }
        if (f.equals(h)) {
            return Optional.of("will not share your whole home folder " + f + ": share the folders in it that hold"
                    + " what you mean to share, such as " + h.resolve("Music"));
        }
        if (h.startsWith(f)) {
            return Optional.of("will not share " + f + ": it holds your home folder " + h
                    + "; share the folders that hold what you mean to share, such as " + h.resolve("Music"));
        }
        return Optional.empty();
    }

    /** The real path when the folder exists (a link to home is home), else the absolute one. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
