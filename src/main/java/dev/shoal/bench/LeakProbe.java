package dev.shoal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Open file descriptors ({@code /proc/self/fd}) and live threads of this JVM, to compare before
 * the nodes start and after they are all closed. The common fork-join pool is left out of the
 * thread count: the JDK keeps its idle workers up to a minute whoever used them.
 */
final class LeakProbe {
    private static final String COMMON_POOL = "ForkJoinPool.commonPool";

    record Counts(int fds, int threads) {
    }

    private LeakProbe() {
    }

    static Counts now() {
        return new Counts(fds(), (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith(COMMON_POOL)).count());
    }

    /**
     * Counts once what closing released has settled: at once when both are back to {@code before},
     * else after {@code atMost} (pools let their threads go some seconds after they are shut down).
     */
    static Counts settled(Counts before, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Counts c = now();
        while ((c.fds() > before.fds() || c.threads() > before.threads()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            c = now();
        }
        return c;
    }

    /** Live threads by name with the digits taken out ("shoal-net-worker-#"), to tell what leaked. */
    static Map<String, Integer> threadsByName() {
        Map<String, Integer> names = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.getName().startsWith(COMMON_POOL)) {
                names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }
        return names;
    }

    /** What each open descriptor points at (a file, {@code socket:[n]}, {@code anon_inode:[eventpoll]}...). */
    static Map<String, Integer> fdTargets() {
        Map<String, Integer> targets = new TreeMap<>();
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : list.toList()) {
                try {
                    targets.merge(describe(Files.readSymbolicLink(fd).toString()), 1, Integer::sum);
                } catch (IOException e) {
                    // The listing's own descriptor is gone by now.
                }
            }
        } catch (IOException e) {
            // No /proc: nothing to tell.
        }
        return targets;
    }

    /**
     * A socket as its protocol, state and local and remote ports ({@code /proc/self/net}); other
     * targets with their numbers taken out, so that two runs can be compared.
     */
    private static String describe(String target) {
        if (!target.startsWith("socket:[")) {
            return target.replaceAll("\\[\\d+\\]", "[#]");
        }
        String inode = target.substring("socket:[".length(), target.length() - 1);
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6", "unix")) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/net", proto))) {
                    String[] f = line.trim().split("\\s+");
                    if (proto.equals("unix") ? f.length > 6 && f[6].equals(inode) : f.length > 9 && f[9].equals(inode)) {
                        return proto.equals("unix") ? "unix " + (f.length > 7 ? f[7] : "")
                                : proto + " " + port(f[1]) + "->" + port(f[2]) + " state " + f[3];
                    }
                }
            } catch (IOException | RuntimeException e) {
                // That table is not there: try the next.
            }
        }
        return "socket";
    }

    /** The port of a {@code /proc/net} address ({@code 0100007F:1F90}): its last four hex digits. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    /** -1 where there is no {@code /proc} (not Linux). */
    private static int fds() {
        Path dir = Path.of("/proc/self/fd");
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(dir)) {
            // The listing holds one descriptor of its own while it runs.
            return (int) list.count() - 1;
        } catch (IOException e) {
            return -1;
        }
    }
}
