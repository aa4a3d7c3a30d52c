package dev.shoal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo is a client like the CLI: JDK, the node facade and the one host:port type only, and no
 * Swing (the UI owns that).
 */
class DemoLayeringTest {
    @Test
    void demoImportsOnlyTheJdkAndTheFacade() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/shoal/demo"))) {
            List<String> offenders = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> !l.matches("import (static )?(java\\.(?!awt)|dev\\.shoal\\.node\\.api\\.).*")
                                    && !l.equals("import dev.shoal.protocol.HostPort;"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
