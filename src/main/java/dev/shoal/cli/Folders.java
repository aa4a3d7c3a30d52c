package dev.shoal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks of the folder options, so a file given by mistake is a usage error and not a failure deep inside. */
final class Folders {
    private Folders() {
    }

    /** {@code folder} may be missing (it is created) but must not be something else. */
    static void requireFolderOrNothing(CommandLine.Model.CommandSpec spec, String option, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " is not a folder: " + folder.toAbsolutePath().normalize());
        }
    }
}
