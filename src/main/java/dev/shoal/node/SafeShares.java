package dev.shoal.node;

import dev.shoal.library.SafeFolders;
import dev.shoal.node.api.UnsafeShareException;
import dev.shoal.node.api.UserFolders;
import java.nio.file.Path;
import java.util.List;

/** The node's side of {@link SafeFolders}: the user's home folder, and a typed refusal. */
final class SafeShares {
    private SafeShares() {
    }

    /** Throws for the first folder that must not be shared: the disk, the home folder, or one holding it. */
    static void check(List<Path> folders) {
        Path home = UserFolders.current().home();
        for (Path folder : folders) {
            SafeFolders.refusal(folder, home).ifPresent(why -> {
                throw new UnsafeShareException(why);
            });
        }
    }
}
