package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the layering by reading the import lines of the production sources: each layer must be
 * testable without the ones above it, and only the network glue may know about MINA.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/shoal");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void protocolUsesOnlyTheJdk() {
        assertThat(violations("protocol", "java.", "dev.shoal.protocol.")).isEmpty();
    }

    @Test
    void routingUsesOnlyProtocolTimeAndTheJdk() {
        assertThat(violations("routing", "java.", "dev.shoal.protocol.", "dev.shoal.routing.", "dev.shoal.time."))
                .isEmpty();
    }

    /**
     * The simulator drives the pure layers only, the same classes a node uses, unchanged: no
     * sockets, no index, no GUI, no node; picocli for its command and JFreeChart for its plots
     * (which it styles with AWT colours and strokes, drawn off-screen: no window, no Swing).
     */
    @Test
    void simUsesOnlyThePureLayersPicocliAndTheChartLibrary() {
        assertThat(violations("sim", "java.lang.", "java.util.", "java.io.", "java.nio.file.", "java.time.",
                "java.math.", "java.text.", "java.awt.Color", "java.awt.BasicStroke", "java.awt.geom.",
                "dev.shoal.protocol.",
                "dev.shoal.routing.", "dev.shoal.time.", "dev.shoal.json.", "dev.shoal.sim.", "picocli.",
                "org.jfree.")).isEmpty();
    }

    /**
     * Ranking is arithmetic on facts handed in: words come already cut (the library's analyzer
     * does that, so only {@code library} knows Lucene), and it needs no socket, file or clock.
     */
    @Test
    void rankingUsesOnlyTheJdkAndTheNodeApi() {
        assertThat(violations("node/rank", "java.lang.", "java.util.", "dev.shoal.node.api.", "dev.shoal.node.rank."))
                .isEmpty();
    }

    /**
     * The spam filter judges hits handed in, with the URN type from {@code protocol}; its only I/O
     * is the user's spam list file. No sockets, no index, no GUI.
     */
    @Test
    void spamFilteringUsesOnlyTheJdkTheNodeApiAndUrns() {
        assertThat(violations("node/spam", "java.lang.", "java.util.", "java.nio.", "java.io.", "dev.shoal.node.api.",
                "dev.shoal.node.spam.", "dev.shoal.protocol.Urn", "dev.shoal.io.", "org.slf4j.")).isEmpty();
    }

    /**
     * Port mapping talks to the home router through weupnp and reports in the node API's terms; it
     * knows nothing of Gnutella links, the library or the UI (a host:port parser is all it borrows).
     * Only it may touch weupnp, so no other part of the node can multicast discovery by accident.
     */
    @Test
    void portMappingUsesOnlyTheJdkWeupnpAndTheNodeApi() {
        assertThat(violations("node/portmap", "java.", "javax.xml.", "org.xml.sax.", "org.bitlet.weupnp.",
                "org.slf4j.", "dev.shoal.node.api.", "dev.shoal.node.portmap.", "dev.shoal.protocol.HostPort")).isEmpty();
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "net", "library", "transfer", "cli", "ui", "bench", "sim")) {
            imports(layer).stream().filter(i -> i.contains("org.bitlet")).forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Bootstrapping decides whom to ask and when, and reads the caches' answers; it reaches the
     * network only through the interface the node hands it (no sockets of the node, no MINA).
     */
    @Test
    void bootstrapUsesOnlyTheJdkProtocolTimeTheNodeApiAndLogging() {
        assertThat(violations("node/bootstrap", "java.", "dev.shoal.protocol.", "dev.shoal.time.", "dev.shoal.node.api.",
                "dev.shoal.node.bootstrap.", "org.slf4j.")).isEmpty();
        assertThat(imports("node/bootstrap")).isNotEmpty();
    }

    /** The clock sits below everything, so any layer can take one; it may only log. */
    @Test
    void timeUsesOnlyTheJdkAndLogging() {
        assertThat(violations("time", "java.", "dev.shoal.time.", "org.slf4j.")).isEmpty();
    }

    /** Whole-file writes sit below everything too, so that every layer saves its files one way; they may only log. */
    @Test
    void ioUsesOnlyTheJdkAndLogging() {
        assertThat(violations("io", "java.", "dev.shoal.io.", "org.slf4j.")).isEmpty();
        assertThat(imports("io")).isNotEmpty();
    }

    /**
     * Tiger trees are pure: BouncyCastle for the Tiger digest, the JDK's XML parser for THEX's
     * description, the protocol's value types; no I/O layer. The library and transfers share it.
     */
    @Test
    void thexUsesOnlyTheJdkBouncyCastleAndProtocol() {
        assertThat(violations("thex", "java.", "javax.xml.", "org.w3c.dom.", "org.xml.sax.", "org.bouncycastle.",
                "dev.shoal.protocol.", "dev.shoal.thex.")).isEmpty();
        assertThat(imports("thex")).isNotEmpty();
    }

    @Test
    void onlyThexImportsBouncyCastle() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "net", "library", "transfer", "node", "cli", "ui")) {
            imports(layer).stream().filter(i -> i.contains("org.bouncycastle")).forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    /** Transfer speaks HTTP over plain sockets and files; the node wires it to the network and the library. */
    @Test
    void transferUsesOnlyProtocolThexTimeAndLogging() {
        assertThat(violations("transfer", "java.", "org.slf4j.", "dev.shoal.protocol.", "dev.shoal.thex.",
                "dev.shoal.time.", "dev.shoal.io.", "dev.shoal.transfer.")).isEmpty();
    }

    /** The wire format both sides share: requests, responses, ranges, heads; it knows neither side. */
    @Test
    void transferHttpIsTheWireFormatAlone() {
        assertThat(violations("transfer/http", "java.", "dev.shoal.protocol.", "dev.shoal.transfer.http.")).isEmpty();
    }

    @Test
    void uploadsAndDownloadsDoNotKnowEachOther() {
        List<String> offenders = new ArrayList<>();
        imports("transfer/upload").stream().filter(i -> i.contains(" dev.shoal.transfer.download.")).forEach(offenders::add);
        imports("transfer/download").stream().filter(i -> i.contains(" dev.shoal.transfer.upload.")).forEach(offenders::add);
        assertThat(offenders).isEmpty();
        assertThat(imports("transfer/upload")).isNotEmpty();
        assertThat(imports("transfer/download")).isNotEmpty();
    }

    /** Browsing reads a host's list off the wire: the HTTP wire format and messages, neither side of a transfer. */
    @Test
    void transferBrowseKnowsOnlyTheWireFormatAndMessages() {
        assertThat(violations("transfer/browse", "java.", "dev.shoal.protocol.", "dev.shoal.transfer.http.",
                "dev.shoal.transfer.browse.")).isEmpty();
        assertThat(imports("transfer/browse")).isNotEmpty();
    }

    /** What both sides share (the download mesh) sits below them. */
    @Test
    void transferRootSharesWithoutKnowingEitherSide() {
        assertThat(violations("transfer", true, "java.", "dev.shoal.protocol.", "dev.shoal.transfer.http.")).isEmpty();
    }

    /** {@code bench} is a harness over the whole servent: its echo reference is bare MINA on purpose. */
    @Test
    void onlyNetAndNodeImportMina() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "library", "transfer", "cli", "ui", "sim")) {
            imports(layer).stream().filter(i -> i.contains("org.apache.mina")).forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyLibraryImportsLucene() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "net", "transfer", "node", "cli", "ui", "bench", "sim")) {
            imports(layer).stream().filter(i -> i.contains("org.apache.lucene")).forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    /** The graph layout library draws the network map; nothing below the window needs a graph. */
    @Test
    void onlyTheUiUsesTheGraphLibrary() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "net", "library", "transfer", "node", "cli", "bench", "sim")) {
            imports(layer).stream().filter(i -> i.contains("org.jgrapht")).forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
        assertThat(imports("ui")).anyMatch(i -> i.contains("org.jgrapht"));
    }

    @Test
    void onlyTheUiUsesSwing() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("protocol", "routing", "net", "library", "transfer", "node", "cli", "bench")) {
            imports(layer).stream()
                    .filter(i -> i.contains("javax.swing") || i.contains("java.awt") || i.contains("com.formdev"))
                    .forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Besides the facade, clients may use the small tools every layer shares: the JSON writer, the
     * whole-file writer and the one host:port type (what a user types is parsed by the same rules as
     * the rest).
     */
    @Test
    void clientsSeeOnlyTheNodeFacade() {
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("cli", "ui")) {
            imports(layer).stream()
                    .filter(i -> i.contains(" dev.shoal."))
                    .filter(i -> !i.contains(" dev.shoal.node.api.") && !i.contains(" dev.shoal." + layer + ".")
                            && !i.contains(" dev.shoal.json.") && !i.contains(" dev.shoal.io.")
                            && !i.endsWith(" dev.shoal.protocol.HostPort"))
                    .forEach(offenders::add);
        }
        assertThat(offenders).isEmpty();
    }

    /** The one JSON writer sits below every layer that prints JSON; it knows nothing of Shoal. */
    @Test
    void jsonUsesOnlyTheJdkAndJackson() {
        assertThat(violations("json", "java.", "dev.shoal.json.", "tools.jackson.")).isEmpty();
    }

    /**
     * The facade is a pure API: its implementation is found at run time, never imported. It saves
     * the settings file the one way every layer saves files.
     */
    @Test
    void theNodeApiImportsNoImplementation() {
        assertThat(violations("node/api", "java.", "dev.shoal.node.api.", "dev.shoal.io.")).isEmpty();
    }

    @Test
    void theScanSeesTheSources() {
        assertThat(imports("protocol")).isNotEmpty();
    }

    private static List<String> violations(String layer, String... allowedPrefixes) {
        return violations(layer, false, allowedPrefixes);
    }

    /** With {@code ownFilesOnly}, the layer's subpackages are left out. */
    private static List<String> violations(String layer, boolean ownFilesOnly, String... allowedPrefixes) {
        return imports(layer, ownFilesOnly).stream()
                .filter(line -> {
                    String target = line.substring(line.indexOf(' ') + 1);
                    for (String allowed : allowedPrefixes) {
                        if (target.startsWith(allowed)) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    /** "File.java dev.shoal.x.Y" for every import in the layer's sources (its subpackages too). */
    private static List<String> imports(String layer) {
        return imports(layer, false);
    }

    private static List<String> imports(String layer, boolean ownFilesOnly) {
        Path dir = MAIN.resolve(layer);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, ownFilesOnly ? 1 : Integer.MAX_VALUE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    result.add(file.getFileName() + " " + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
