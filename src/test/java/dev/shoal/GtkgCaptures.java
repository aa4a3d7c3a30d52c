package dev.shoal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gtk-gnutella 1.2.3 captures kept in the test resources ({@code vectors/gtk-gnutella}, origin in
 * {@code vectors/ORIGIN.md}): bytes a real servent sent, with the fields an independent decoder read.
 */
public final class GtkgCaptures {
    private static final String FOLDER = "/vectors/gtk-gnutella/";

    private GtkgCaptures() {
    }

    /** The folder itself, for tests that walk every capture. */
    public static Path folder() {
        URL readme = GtkgCaptures.class.getResource(FOLDER + "README.md");
        if (readme == null) {
            throw new IllegalStateException("test resources lack " + FOLDER + "README.md");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] read(String capture) {
        try {
            return Files.readAllBytes(folder().resolve(capture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
