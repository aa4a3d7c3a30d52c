package dev.shoal.node.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's folders Shoal defaults to. The home folder is {@code $HOME} when it is set, as shells
 * and scripts expect (the JVM's {@code user.home} comes from the password database and ignores it),
 * else {@code user.home}.
 */
public final class UserFolders {
    private final Path home;

    private UserFolders(Path home) {
        this.home = home;
    }

    /** The folders of the user running this process. */
    public static UserFolders current() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    static UserFolders of(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return new UserFolders(Path.of(home == null || home.isBlank() ? userHome : home));
    }

    public Path home() {
        return home;
    }

    /** Index, host cache, settings and partial downloads: {@code ~/.shoal}. */
    public Path data() {
        return home.resolve(".shoal");
    }

    /** Where finished downloads go: {@code ~/Downloads/Shoal}, next to the user's other downloads. */
    public Path downloads() {
        return home.resolve("Downloads").resolve("Shoal");
    }
}
