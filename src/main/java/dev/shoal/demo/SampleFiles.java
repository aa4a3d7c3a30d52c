package dev.shoal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files the demo nodes share: the repository's {@code samples/library} when it can be found
 * (from the working folder or next to the jar), else a few generated files. Each file goes to two
 * neighbouring nodes, and large ones to four, so every download has several sources.
 */
final class SampleFiles {
    static final String LIBRARY = "samples/library";
    /** Files this big are spread to more nodes, so their downloads visibly use several sources. */
    static final long BIG = 256 * 1024;

    private SampleFiles() {
    }

    /** The sample library under the working folder or a parent of the code's location (the jar's folder, target/). */
    static Optional<Path> locate(Path workingDir, Optional<Path> codeLocation) {
        List<Path> bases = new ArrayList<>();
        bases.add(workingDir);
        codeLocation.ifPresent(c -> {
            for (Path p = c.toAbsolutePath(); p != null && bases.size() < 6; p = p.getParent()) {
                bases.add(p);
            }
        });
        return bases.stream().map(b -> b.resolve(LIBRARY)).filter(Files::isDirectory).findFirst();
    }

    static Optional<Path> codeLocation() {
        try {
            var source = SampleFiles.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Regular files under {@code library}, as paths relative to it, in a stable order. */
    static List<Path> list(Path library) {
        try (Stream<Path> walk = Files.walk(library)) {
            return walk.filter(Files::isRegularFile).map(library::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which nodes share which file: file {@code k} goes to nodes {@code k} and {@code k+1} (mod
     * {@code nodes}); big ones also to {@code k+2} and {@code k+3}.
     */
    static TreeMap<Integer, List<Integer>> spread(List<Long> sizes, int nodes) {
        TreeMap<Integer, List<Integer>> holders = new TreeMap<>();
        for (int k = 0; k < sizes.size(); k++) {
            int copies = Math.min(nodes, sizes.get(k) >= BIG ? 4 : 2);
            List<Integer> on = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                on.add((k + c) % nodes);
            }
            holders.put(k, on);
        }
        return holders;
    }

    /** Writes a small stand-in library when the samples are missing (a jar run far from the repo). */
    static Path generate(Path dir) {
        try {
            Files.createDirectories(dir.resolve("notes"));
            Files.createDirectories(dir.resolve("data"));
            String[] notes = {"tide-table", "reef-survey", "harbour-lights", "kelp-forest"};
            for (String n : notes) {
                Files.writeString(dir.resolve("notes").resolve(n + ".txt"),
                        ("Shoal demo notes: " + n.replace('-', ' ') + ".\n").repeat(40), StandardCharsets.UTF_8);
            }
            Random random = new Random(6346);
            for (String n : new String[] {"ocean-soundscape.bin", "tide-recording.bin"}) {
                byte[] bytes = new byte[768 * 1024];
                random.nextBytes(bytes);
                Files.write(dir.resolve("data").resolve(n), bytes);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
