package dev.shoal.bench;

import dev.shoal.net.HostCache;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.spam.BadUrnFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A loop of the node's own writes of its data folder ({@link WriteChild}: host cache, settings,
 * spam list) killed with SIGKILL at a random moment, {@code rounds} times over one folder. After
 * each kill every file must be whole: the host cache lists all its hosts, the settings hold every
 * key and read back, every line of the spam list is a comment or a URN, and it has lost none of
 * the URNs it held after the kill before.
 */
final class KilledWrites {
    static final String SUITE = "writes";
    private static final long MAX_DELAY_NANOS = 300_000_000L;
    private static final long START_NANOS = 60_000_000_000L;
    private static final Pattern SPAM_LINE = Pattern.compile("(?i)\\s*(#.*)?|\\s*urn:sha1:[A-Z2-7]{32}(\\s+#.*)?");

    private final int rounds;
    private final Random random;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool child = ShoalCommandLine.child(WriteChild.class);

    KilledWrites(int rounds, long seed, Path root, Consumer<String> progress) {
        this.rounds = rounds;
        this.random = new Random(seed);
        this.root = root;
        this.progress = progress;
    }

    CrashResult run() throws IOException, InterruptedException {
        Path dir = root.resolve(SUITE);
        Path data = Files.createDirectories(dir.resolve("data"));
        CrashResult result = new CrashResult(SUITE);
        try {
            int keys = settingsKeys(dir.resolve("scratch"));
            int kills = 0;
            int broken = 0;
            int spam = 0;
            for (int r = 0; r < rounds; r++) {
                Path log = dir.resolve("child" + r + ".log");
                Process p = child.start(List.of(data.toString(), Long.toString(random.nextLong())), log);
                awaitWriting(p, log);
                long delay = (long) (random.nextDouble() * MAX_DELAY_NANOS);
                SigKill.Outcome o = SigKill.after(p, delay);
                if (!o.killed()) {
                    throw new IOException("WriteChild exited with " + o.exit() + " before it was killed");
                }
                kills++;
                String wrong = check(data, keys, spam);
                if (wrong != null) {
                    broken++;
                    result.problem("after kill " + (r + 1) + ": " + wrong);
                }
                spam = new BadUrnFile(data).urns().size();
                progress.accept(String.format(Locale.ROOT, "crash writes: %d/%d killed %.0f ms into writing; %s",
                        r + 1, rounds, delay / 1e6, wrong == null ? "all files whole, " + spam + " spam URNs"
                                : wrong));
            }
            result.put("rounds", rounds).put("kills", kills).put("files_checked", 3 * kills)
                    .put("broken_after_kill", broken).put("spam_urns_at_end", spam);
        } finally {
            BenchFiles.deleteTree(dir);
        }
        return result;
    }

    /** What is wrong with the files in {@code data}, or null when they are whole. */
    private static String check(Path data, int keys, int spamBefore) throws IOException {
        Path hostsFile = data.resolve(HostCache.FILE_NAME);
        HostCache hosts = new HostCache(hostsFile, 2 * WriteChild.HOSTS);
        hosts.load();
        if (hosts.size() != WriteChild.HOSTS) {
            return HostCache.FILE_NAME + " lists " + hosts.size() + " hosts, not " + WriteChild.HOSTS;
        }
        Path settings = data.resolve(NodeConfigFile.SETTINGS_FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (p.size() != keys) {
            return NodeConfigFile.SETTINGS_FILE + " holds " + p.size() + " keys, not " + keys;
        }
        try {
            NodeConfigFile.read(settings, NodeConfig.defaults(data));
        } catch (RuntimeException e) {
            return NodeConfigFile.SETTINGS_FILE + " does not read back: " + e.getMessage();
        }
        Path spamFile = data.resolve(BadUrnFile.FILE_NAME);
        for (String line : Files.readAllLines(spamFile, StandardCharsets.UTF_8)) {
            if (!SPAM_LINE.matcher(line).matches()) {
                return BadUrnFile.FILE_NAME + " has a broken line: " + line;
            }
        }
        int spam = new BadUrnFile(data).urns().size();
        if (spam < spamBefore) {
            return BadUrnFile.FILE_NAME + " lost URNs: " + spam + " after " + spamBefore;
        }
        return null;
    }

    /** How many keys a whole settings file has. */
    private static int settingsKeys(Path scratch) throws IOException {
        Path file = scratch.resolve(NodeConfigFile.SETTINGS_FILE);
        NodeConfigFile.write(file, NodeConfig.defaults(scratch));
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p.size();
    }

    /** Waits until the child has written everything once. */
    private static void awaitWriting(Process p, Path log) throws IOException, InterruptedException {
        long until = System.nanoTime() + START_NANOS;
        while (System.nanoTime() < until) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(WriteChild.READY)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IOException("WriteChild exited with " + p.exitValue() + " before writing: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            Thread.sleep(5);
        }
        p.destroyForcibly();
        throw new IOException("WriteChild did not start writing within " + START_NANOS / 1_000_000_000L + " s");
    }
}
