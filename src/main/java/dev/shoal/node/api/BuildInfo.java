package dev.shoal.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build stamped into the jar: the one place Shoal's version comes from, for
 * {@code --version}, the About box and the {@code User-Agent} every peer sees.
 */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** The project version, such as {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** How we name ourselves in handshakes and HTTP: {@code Shoal/<version>}. */
    public static String userAgent() {
        return "Shoal/" + VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing: build Shoal with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException("build.properties was not filtered by the build: " + version);
        }
        return version;
    }
}
