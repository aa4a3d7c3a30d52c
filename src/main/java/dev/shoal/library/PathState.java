package dev.shoal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path looked like on disk, without following links. Folders compare by kind only: their
 * times move with their children and say nothing about whether the folder itself settled.
 */
record PathState(boolean exists, boolean directory, boolean regularFile, long size, long modified) {
    static final PathState MISSING = new PathState(false, false, false, 0, 0);
    private static final PathState DIRECTORY = new PathState(true, true, false, 0, 0);

    static PathState of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                return DIRECTORY;
            }
            return new PathState(true, false, a.isRegularFile(), a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return MISSING;
        }
    }
}
