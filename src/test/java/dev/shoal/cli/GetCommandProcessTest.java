package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.ShoalProcess;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.Base32;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal get} as a user runs it: a real process, killed with SIGKILL half-way and run again. */
class GetCommandProcessTest {
    private static final int SIZE = 6 * 1024 * 1024;
    private static final long CHUNK = NodeConfig.Tuning.defaults().chunkSize();
    private static final Pattern BYTES = Pattern.compile("\"bytes\":(\\d+)");

    @TempDir
    Path temp;
    private final List<ShoalNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ShoalNode::close);
    }

    private ShoalNode source(String name, byte[] content, ShoalNode hub) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name));
        Files.write(share.resolve("big sample.bin"), content);
        // About 1.5 MiB/s per source: the download takes a few seconds, long enough to kill it.
        ShoalNode node = Shoal.start(NodeConfig.defaults(temp.resolve(name + "-data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share))
                .withUploads(4, 1536 * 1024));
        nodes.add(node);
        node.libraryReady().get(20, TimeUnit.SECONDS);
        if (hub != null) {
            node.connect(hub.listenAddress()).get(10, TimeUnit.SECONDS);
        }
        return node;
    }

    @Test
    void aKilledDownloadResumesWhereItStoppedAndIsVerified() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(99).nextBytes(content);
        String urn = "urn:sha1:" + Base32.encode(MessageDigest.getInstance("SHA-1").digest(content));
        ShoalNode hub = source("hub", content, null);
        ShoalNode other = source("other", content, hub);
        String peer = "127.0.0.1:" + hub.listenAddress().getPort();
        Path data = temp.resolve("get-data");
        Path out = temp.resolve("out");
        String[] args = {"get", urn, "--peer", peer, "--data", data.toString(), "--out", out.toString(), "--json",
                "--timeout", "120"};

        try (ShoalProcess first = ShoalProcess.start(temp.resolve("get1.log"), args)) {
            // Killed past 40 % and once it has recorded more than the slack allowed below, so that a
            // second run starting from nothing could not pass.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lastBytes(first.stdout()) >= SIZE * 4L / 10 && recordedBytes(data) > 2L * CHUNK);
            first.kill();
        }
        long recorded = recordedBytes(data);
        long servedBefore = served(hub, other);
        assertThat(Files.exists(out.resolve("big sample.bin"))).as("nothing delivered before verification").isFalse();

        try (ShoalProcess second = ShoalProcess.start(temp.resolve("get2.log"), args)) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).isZero();
            String last = second.stdout().get(second.stdout().size() - 1);
            assertThat(last).contains("\"state\":\"done\"", "\"urn\":\"" + urn + "\"",
                    "\"path\":\"" + out.resolve("big sample.bin") + "\"");
        }
        assertThat(Files.readAllBytes(out.resolve("big sample.bin"))).isEqualTo(content);
        // The second run fetches what the first had not recorded; at most one chunk per source twice
        // (the end game, or a chunk the killed run's sources were still sending when counted).
        assertThat(served(hub, other) - servedBefore).as("bytes sent for the second run")
                .isLessThanOrEqualTo(SIZE - recorded + 2L * CHUNK);
    }

    private static long served(ShoalNode... sources) {
        long sum = 0;
        for (ShoalNode n : sources) {
            sum += n.uploads().stream().mapToLong(UploadInfo::bytesSent).sum();
        }
        return sum;
    }

    /** Bytes of the chunks a download's state in {@code data} records as finished (0 when there is none). */
    private static long recordedBytes(Path data) throws IOException {
        Path incomplete = data.resolve("incomplete");
        if (!Files.isDirectory(incomplete)) {
            return 0;
        }
        try (var states = Files.list(incomplete)) {
            for (Path state : states.filter(f -> f.toString().endsWith(".state")).toList()) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(state)) {
                    p.load(in);
                }
                BitSet done = BitSet.valueOf(HexFormat.of().parseHex(p.getProperty("done", "")));
                long chunk = Long.parseLong(p.getProperty("chunkSize"));
                return Math.min(SIZE, done.cardinality() * chunk);
            }
        }
        return 0;
    }

    @Test
    void aFileNobodyHasIsSearchedForThenGivenUpWithTheReasonOnItsOwnLine() throws Exception {
        ShoalNode hub = source("hub", new byte[] {1, 2, 3}, null);
        try (ShoalProcess get = ShoalProcess.start(temp.resolve("get.log"), "get",
                "urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--peer", "127.0.0.1:" + hub.listenAddress().getPort(),
                "--data", temp.resolve("d").toString(), "--timeout", "2")) {
            assertThat(get.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        }
        String stderr = Files.readString(temp.resolve("get.log"));
        assertThat(stderr).contains("searching for sources of urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...");
        assertThat(TerminalScreen.render(stderr)).containsExactly("shoal: no source found for "
                + "urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA within 2 s of asking 127.0.0.1:" + hub.listenAddress().getPort()
                + " and their neighbours; --timeout waits longer");
    }

    /**
     * Regression (found against gtk-gnutella 1.2.3, whose name we could not read): a peer that
     * answers the HEAD with the file's size but no name is a source the download cannot start
     * from until a hit names the file; with no hit ever, {@code shoal get} waited past --timeout
     * forever, since the timeout counted only downloads without any source.
     */
    @Test
    void aSourceThatNeverNamesTheFileIsGivenUpAfterTheTimeout() throws Exception {
        ShoalNode hub = source("hub", new byte[] {1, 2, 3}, null);
        String urn = "urn:sha1:" + Base32.encode(new byte[20]);
        try (ServerSocket unnamed = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerEveryRequest(unnamed,
                    "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n"), "unnamed-source");
            answering.setDaemon(true);
            answering.start();
            try (ShoalProcess get = ShoalProcess.start(temp.resolve("get.log"), "get", urn, "--peer",
                    "127.0.0.1:" + hub.listenAddress().getPort() + ",127.0.0.1:" + unnamed.getLocalPort(),
                    "--data", temp.resolve("d").toString(), "--out", temp.resolve("out").toString(),
                    "--timeout", "2")) {
                assertThat(get.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            }
        }
        assertThat(TerminalScreen.render(Files.readString(temp.resolve("get.log")))).contains("shoal: 1 source of "
                + urn + " found within 2 s, but neither it nor any hit named the file; --timeout waits longer");
    }

    /** Answers {@code answer} to every connection once its request head has arrived, until closed. */
    private static void answerEveryRequest(ServerSocket server, String answer) {
        while (!server.isClosed()) {
            try (java.net.Socket s = server.accept()) {
                java.io.InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                s.getOutputStream().write(answer.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // closed by the test, or the client went away: the next one is answered
            }
        }
    }

    /** Regression: with no --out the file was fetched and then placing it failed on "./name" having no parent. */
    @Test
    void withItsDefaultsTheFileLandsInTheCurrentFolderWithAProgressBarAndASummary() throws Exception {
        byte[] content = new byte[SIZE / 2];
        new Random(7).nextBytes(content);
        ShoalNode hub = source("hub", content, null);
        source("other", content, hub);
        Path here = Files.createDirectories(temp.resolve("current folder"));
        Path home = Files.createDirectories(temp.resolve("home"));

        try (ShoalProcess get = ShoalProcess.start(here, Map.of("HOME", home.toString()), temp.resolve("get.log"),
                "get", urn(content), "--peer", "127.0.0.1:" + hub.listenAddress().getPort())) {
            assertThat(get.awaitExit(Duration.ofSeconds(120))).isZero();
            assertThat(get.stdout()).containsExactly(here.resolve("big sample.bin").toString());
        }
        assertThat(Files.readAllBytes(here.resolve("big sample.bin"))).isEqualTo(content);
        assertThat(home.resolve(".shoal/get/incomplete")).as("partial data under $HOME").isDirectory();

        List<String> screen = TerminalScreen.render(Files.readString(temp.resolve("get.log")));
        assertThat(screen).last().asString()
                .matches("done: big sample\\.bin, 3\\.0 MiB in [0-9.]+ s \\([0-9.]+ [KM]iB/s\\), SHA-1 verified");
        // Every status line drawn was fully overwritten: only the summary is left on the screen.
        assertThat(screen).hasSize(1);
        String drawn = Files.readString(temp.resolve("get.log"));
        assertThat(drawn).containsPattern(
                "big sample\\.bin \\[[#-]{10}\\] +\\d+%  [0-9.]+/3\\.0 MiB  [0-9.]+ [KM]?i?B/s  ETA [0-9:-]+  [12] sources?");
    }

    @Test
    void aStoppedDownloadSaysWhereItStoppedAndTheNextRunResumesThere() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(5).nextBytes(content);
        ShoalNode hub = source("hub", content, null);
        String[] args = {"get", urn(content), "--peer", "127.0.0.1:" + hub.listenAddress().getPort(), "--data",
            temp.resolve("get-data").toString(), "--out", temp.resolve("out").toString()};

        try (ShoalProcess first = ShoalProcess.start(temp.resolve("get1.log"), with(args, "--json"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lastBytes(first.stdout()) >= SIZE * 3L / 10);
            assertThat(first.terminate()).as("exit status after SIGTERM").isEqualTo(143);
        }
        List<String> firstScreen = TerminalScreen.render(Files.readString(temp.resolve("get1.log")));
        assertThat(firstScreen).singleElement().asString()
                .matches("shoal: stopped at \\d+ % \\([0-9.]+/6\\.0 MiB\\); the same command resumes it");

        try (ShoalProcess second = ShoalProcess.start(temp.resolve("get2.log"), args)) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).isZero();
        }
        List<String> screen = TerminalScreen.render(Files.readString(temp.resolve("get2.log")));
        assertThat(screen.get(0)).matches("resuming at \\d+ % \\([0-9.]+/6\\.0 MiB already here\\)");
        assertThat(percent(screen.get(0))).isGreaterThanOrEqualTo(30);
        assertThat(screen).last().asString().contains("SHA-1 verified; ").endsWith(" of it came from an earlier run");
        assertThat(Files.readAllBytes(temp.resolve("out/big sample.bin"))).isEqualTo(content);
    }

    @Test
    void whenTheOnlySourceGoesAwayTheDownloadFailsSayingWhatIsKept() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(11).nextBytes(content);
        ShoalNode hub = source("hub", content, null);
        try (ShoalProcess get = ShoalProcess.start(temp.resolve("get.log"), "get", urn(content), "--peer",
                "127.0.0.1:" + hub.listenAddress().getPort(), "--data", temp.resolve("d").toString(), "--out",
                temp.resolve("out").toString(), "--json")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lastBytes(get.stdout()) >= SIZE * 3L / 10);
            hub.close();
            assertThat(get.awaitExit(Duration.ofSeconds(120))).isEqualTo(1);
        }
        assertThat(TerminalScreen.render(Files.readString(temp.resolve("get.log")))).last().asString()
                .matches("shoal: download failed: .+; [0-9.]+/6\\.0 MiB kept, the same command resumes");
    }

    /**
     * Regression: the hash query went out only once every peer had connected or timed out, so a
     * peer slow to answer held up the first byte. The slow peer here answers only once bytes flow
     * from the other one, and is then asked too.
     */
    @Test
    void aPeerSlowToAnswerHoldsNothingUpAndIsAskedOnceItConnects() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(3).nextBytes(content);
        String urn = urn(content);
        ShoalNode hub = source("hub", content, null);
        try (ServerSocket slow = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ShoalProcess get = ShoalProcess.start(temp.resolve("get.log"), "get", urn, "--peer",
                        "127.0.0.1:" + hub.listenAddress().getPort() + ",127.0.0.1:" + slow.getLocalPort(),
                        "--data", temp.resolve("d").toString(), "--out", temp.resolve("out").toString(), "--json")) {
            slow.setSoTimeout(60_000);
            // The slow peer's connections wait in its backlog until bytes flow from the hub.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> hub.uploads().stream().mapToLong(UploadInfo::bytesSent).sum() > 0);
            try (RawPeer late = RawPeer.acceptAsUltrapeer(slow)) {
                assertThat(queriedUrns(late)).contains(urn);
            }
            assertThat(get.awaitExit(Duration.ofSeconds(120))).isZero();
        }
        assertThat(Files.readAllBytes(temp.resolve("out/big sample.bin"))).isEqualTo(content);
    }

    /**
     * Regression: since servents have two tiers, {@code shoal get} runs as a leaf, and a leaf keeps
     * links to 3 ultrapeers; of 4 peers named with --peer one was refused ("no free ultrapeer
     * slot") and never asked, so a file on 4 peers came from 3. Every peer the user names is asked.
     */
    @Test
    void everyPeerNamedIsAskedEvenMoreThanALeafsUsualUltrapeers() throws Exception {
        int peers = 5;
        List<ServerSocket> listening = new ArrayList<>();
        try {
            for (int i = 0; i < peers; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                s.setSoTimeout(30_000);
                listening.add(s);
            }
            String urn = "urn:sha1:" + Base32.encode(new byte[20]);
            String list = String.join(",", listening.stream().map(s -> "127.0.0.1:" + s.getLocalPort()).toList());
            Path log = temp.resolve("get.log");
            try (ShoalProcess get = ShoalProcess.start(log, "get", urn, "--peer", list, "--timeout", "60",
                    "--data", temp.resolve("d").toString(), "--out", temp.resolve("out").toString())) {
                List<RawPeer> accepted = new ArrayList<>();
                try {
                    for (ServerSocket s : listening) {
                        accepted.add(RawPeer.acceptAsUltrapeer(s));
                    }
                    for (RawPeer peer : accepted) {
                        assertThat(queriedUrns(peer)).containsExactly(urn);
                    }
                    assertThat(Files.readString(log)).doesNotContain("shoal:");
                } finally {
                    for (RawPeer peer : accepted) {
                        peer.close();
                    }
                }
            }
        } finally {
            for (ServerSocket s : listening) {
                s.close();
            }
        }
    }

    /** The URNs of the first hash query the peer receives. */
    private static List<String> queriedUrns(RawPeer peer) throws Exception {
        peer.setReadTimeout(30_000);
        while (true) {
            Frame f = peer.readFrame();
            if (f.header().type() == MessageType.QUERY && !((Query) MessageCodec.decode(f)).urns().isEmpty()) {
                return ((Query) MessageCodec.decode(f)).urns().stream().map(Urn::toString).toList();
            }
        }
    }

    @Test
    void aFileInTheWayOfOutIsAUsageErrorBeforeAnythingIsFetched() throws Exception {
        Path file = Files.writeString(temp.resolve("not a folder"), "x");
        CliRun run = CliRun.of("get", "urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--peer", "127.0.0.1:1",
                "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("shoal: --out is not a folder: " + file + " (see 'shoal get --help')");
    }

    private static String urn(byte[] content) throws Exception {
        return "urn:sha1:" + Base32.encode(MessageDigest.getInstance("SHA-1").digest(content));
    }

    private static String[] with(String[] args, String more) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    private static int percent(String line) {
        Matcher m = Pattern.compile("(\\d+) %").matcher(line);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long lastBytes(List<String> lines) {
        long max = 0;
        for (String line : lines) {
            Matcher m = BYTES.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }
}
