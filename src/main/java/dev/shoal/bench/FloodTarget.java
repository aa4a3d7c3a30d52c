package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node under attack in the flood bench, alone in its own JVM so that its heap is all that is
 * measured: {@code FloodTarget DATA_DIR SHARE_DIR} starts an ultrapeer on 127.0.0.1 with a free
 * port, prints {@code port N} once its library is indexed, then answers commands read from stdin,
 * one per line: {@code heap} prints {@code heap BYTES} (used heap right after a full collection,
 * so what is live), {@code stats} prints the node's drop counters (those not zero) as one JSON line,
 * {@code probe} prints {@code probe JSON} (live heap, threads, open file descriptors and the node's
 * sockets by kind), {@code quit} stops it. The capacity bench's target ({@link CapacityTarget})
 * serves the same commands with another config.
 */
public final class FloodTarget {
    /** The node's fixed heap: small, so that a leak shows within seconds. */
    static final int HEAP_MIB = 256;

    private FloodTarget() {
    }

    public static void main(String[] args) throws IOException {
        serve(config(Path.of(args[0]), Path.of(args[1])));
    }

    /** An ultrapeer on 127.0.0.1, any free port, sharing {@code share}. */
    static NodeConfig config(Path data, Path share) {
        return NodeConfig.defaults(data)
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withShares(List.of(share))
                .withRole(Role.ULTRAPEER);
    }

    /** Starts the node, prints its port once its library is indexed, then answers commands until {@code quit}. */
    static void serve(NodeConfig config) throws IOException {
        try (ShoalNode node = Shoal.start(config)) {
            node.libraryReady().orTimeout(60, TimeUnit.SECONDS).join();
            System.out.println("port " + node.listenAddress().getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                if (line.equals("heap")) {
                    System.out.println("heap " + liveHeap());
                } else if (line.equals("stats")) {
                    System.out.println("stats " + drops(node.stats()));
                } else if (line.equals("probe")) {
                    System.out.println("probe " + probe(node.stats()));
                } else {
                    System.out.println("unknown " + line);
                }
                System.out.flush();
            }
        }
        System.exit(0);
    }

    /** The reasons counted at least once, as one JSON object: {@code {"query_flood":123,...}}. */
    private static String drops(NodeStats stats) {
        Map<String, Object> counted = new LinkedHashMap<>();
        for (NodeStats.Drop d : stats.drops()) {
            if (d.count() > 0) {
                counted.put(d.reason(), d.count());
            }
        }
        return JsonLine.of(counted);
    }

    /** What the node holds now: live heap, threads, file descriptors, sockets by kind. */
    private static String probe(NodeStats stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heap", liveHeap());
        m.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        m.put("fds", openFileDescriptors());
        m.put("links", stats.links());
        m.put("handshaking", stats.handshaking());
        m.put("http", stats.httpSessions());
        return JsonLine.of(m);
    }

    private static long openFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getOpenFileDescriptorCount() : -1;
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The bench's handle on a target running in a child JVM. */
    static final class Process implements AutoCloseable {
        private static final long ANSWER_MILLIS = 20_000;
        private final java.lang.Process child;
        private final java.io.PrintWriter commands;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        private final InetSocketAddress address;

        private Process(java.lang.Process child) throws IOException, InterruptedException {
            this.child = child;
            this.commands = new java.io.PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // the child went away
                }
            }, "shoal-flood-target-output");
            reader.setDaemon(true);
            reader.start();
            String first = lines.poll(60, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("port ")) {
                throw new IOException("the target node did not start: " + first);
            }
            this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(first.substring(5)));
        }

        /** Starts a target node sharing one file named after the honest leaf's query. */
        static Process start(Path root) throws IOException, InterruptedException {
            return start(root, FloodTarget.class, HEAP_MIB, List.of());
        }

        /**
         * Starts {@code main} (which takes the data and share folders, then {@code extra}, and
         * serves like {@link FloodTarget#serve}) in a JVM with a fixed heap of {@code heapMib}.
         */
        static Process start(Path root, Class<?> main, int heapMib, List<String> extra)
                throws IOException, InterruptedException {
            Path share = java.nio.file.Files.createDirectories(root.resolve("share"));
            java.nio.file.Files.writeString(share.resolve(HonestLeaf.WORD + " file.txt"), "the file the honest leaf asks for\n");
            java.nio.file.Files.writeString(share.resolve("unrelated notes.txt"), "something else\n");
            List<String> cmd = new java.util.ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xms" + heapMib + "m");
            cmd.add("-Xmx" + heapMib + "m");
            cmd.add("-Dshoal.log.level=" + System.getProperty("shoal.log.level", "WARN"));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(main.getName());
            cmd.add(root.resolve("data").toString());
            cmd.add(share.toString());
            cmd.addAll(extra);
            java.lang.Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                return new Process(child);
            } catch (IOException | InterruptedException | RuntimeException e) {
                child.destroyForcibly();
                throw e;
            }
        }

        InetSocketAddress address() {
            return address;
        }

        /** Live heap in bytes, or -1 when the node does not answer within 20 s (out of memory, hung). */
        long heap() throws InterruptedException {
            String answer = ask("heap");
            return answer == null ? -1 : Long.parseLong(answer.substring(5));
        }

        /** The node's drop counters as it reports them, or null. */
        String drops() throws InterruptedException {
            String answer = ask("stats");
            return answer == null || !answer.startsWith("stats ") ? null : answer.substring(6);
        }

        /** The node's {@code probe} answer (a JSON object), or null when it does not answer. */
        String probe() throws InterruptedException {
            String answer = ask("probe");
            return answer == null || !answer.startsWith("probe ") ? null : answer.substring(6);
        }

        /** The target JVM's process id, for {@code jcmd} or {@code jmap} by hand. */
        long pid() {
            return child.pid();
        }

        private String ask(String command) throws InterruptedException {
            lines.clear();
            commands.println(command);
            return lines.poll(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            commands.println("quit");
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    child.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
