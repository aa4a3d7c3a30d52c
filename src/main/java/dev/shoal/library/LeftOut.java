package dev.shoal.library;

import java.nio.file.Path;

/** A file (or a whole folder) below a shared folder that looks private and so is not shared. */
public record LeftOut(Path path, PrivateFiles.Family family) {
}
