package dev.shoal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shoal's command line as a new process, the way a user starts it: the {@code shoal} launcher
 * script when the bench was started by it (it says where it is in {@value #LAUNCHER_PROPERTY}),
 * else this JVM's java with this class path.
 */
final class ShoalCommandLine {
    static final String LAUNCHER_PROPERTY = "shoal.launcher";
    private static final String MAIN = "dev.shoal.Main";

    private ShoalCommandLine() {
    }

    static ExternalTool tool() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return new ExternalTool("shoal", List.of(launcher));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ExternalTool("shoal", List.of(java, "-cp", System.getProperty("java.class.path"), MAIN));
    }

    /** A bench class's {@code main} in a new JVM with this class path (with the launcher, that is Shoal's jar). */
    static ExternalTool child(Class<?> main) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ExternalTool(main.getSimpleName(), List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
    }
}
