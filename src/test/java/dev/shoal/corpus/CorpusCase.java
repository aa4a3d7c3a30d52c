package dev.shoal.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of the bad-input corpus: a file {@code src/test/resources/corpus/GROUP/NAME.case}
 * saying how to connect, what to send and what the node must do about it. Lines (a {@code #} line
 * is a comment; the first comment says what the case is):
 * <pre>
 * as leaf | leaf-deflate | raw | udp    how the socket starts (raw: no handshake: HTTP, handshakes;
 *                                       udp: frames go as datagrams to the node's UDP port)
 * send BYTES                            bytes as they are, on the socket
 * frame TYPE TTL HOPS [len=N] [guid=G] [from=other] BYTES
 *                                       a frame (TYPE in hex), its length N or the payload's, its
 *                                       GUID G (32 hex digits, or "search": the node's own search)
 *                                       or a fresh one; deflated on a leaf-deflate link; over UDP
 *                                       from=other sends it from a second socket of another address
 * repeat COUNT frame ...                that frame COUNT times (fresh GUIDs), in one write
 * expect OUTCOME                        one of:
 *   drop REASON        the message is dropped and counted as REASON; the link stays and answers
 *   served             nothing is dropped; the link stays and answers
 *   bye CODE REASON    the node sends Bye CODE, closes the link and counts REASON
 *   closed REASON      the node closes the socket (no Bye) and counts REASON
 *   refused STATUS REASON   the handshake is answered with STATUS and closed, counted as REASON
 *   http STATUS        the HTTP answer has STATUS
 * </pre>
 * BYTES are in {@link CaseBytes}' notation; {@code ${urn}} stands for the SHA-1 URN of the file
 * the node shares ({@code ${index}} for its index).
 */
public record CorpusCase(String group, String name, String about, String start, List<Step> steps, Expect expect) {

    /** One thing sent. */
    public record Step(Kind kind, int count, byte type, int ttl, int hops, int declaredLength, String guid,
            boolean fromOther, String bytes) {
        public enum Kind { SEND, FRAME }
    }

    /** What the node must do. */
    public record Expect(String outcome, int code, String reason) {
    }

    @Override
    public String toString() {
        return group + "/" + name + ": " + about;
    }

    /** Every case of {@code group}, by name. */
    public static List<CorpusCase> group(String group) {
        URL dir = CorpusCase.class.getResource("/corpus/" + group);
        if (dir == null) {
            throw new IllegalStateException("no corpus group " + group);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<CorpusCase> cases = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".case")).sorted().toList()) {
                cases.add(read(group, f));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CorpusCase read(String group, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.case$", "");
        String about = null;
        String start = null;
        Expect expect = null;
        List<Step> steps = new ArrayList<>();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                about = about == null ? line.substring(1).strip() : about;
                continue;
            }
            String[] w = line.split("\\s+", 2);
            String rest = w.length > 1 ? w[1] : "";
            switch (w[0]) {
                case "as" -> start = rest;
                case "send" -> steps.add(new Step(Step.Kind.SEND, 1, (byte) 0, 0, 0, -1, null, false, rest));
                case "frame" -> steps.add(frame(1, rest));
                case "repeat" -> {
                    String[] r = rest.split("\\s+", 3);
                    if (r.length < 3 || !r[1].equals("frame")) {
                        throw new IllegalArgumentException(file + ": repeat COUNT frame ...");
                    }
                    steps.add(frame(Integer.parseInt(r[0]), r[2]));
                }
                case "expect" -> expect = expect(rest);
                default -> throw new IllegalArgumentException(file + ": unknown line " + line);
            }
        }
        if (about == null || start == null || expect == null || !List.of("leaf", "leaf-deflate", "raw", "udp").contains(start)) {
            throw new IllegalArgumentException(file + ": needs a # description, 'as leaf|leaf-deflate|raw|udp' and 'expect'");
        }
        return new CorpusCase(group, name, about, start, List.copyOf(steps), expect);
    }

    private static Step frame(int count, String spec) {
        String[] w = spec.split("\\s+", 4);
        int declared = -1;
        String guid = null;
        boolean fromOther = false;
        String bytes = w.length > 3 ? w[3] : "";
        while (bytes.matches("(?s)(len|guid|from)=\\S+.*")) {
            String[] option = bytes.split("\\s+", 2);
            String value = option[0].substring(option[0].indexOf('=') + 1);
            if (option[0].startsWith("len=")) {
                declared = Integer.parseInt(value);
            } else if (option[0].startsWith("from=")) {
                fromOther = value.equals("other");
            } else {
                guid = value;
            }
            bytes = option.length > 1 ? option[1] : "";
        }
        return new Step(Step.Kind.FRAME, count, (byte) Integer.parseInt(w[0], 16), Integer.parseInt(w[1]),
                Integer.parseInt(w[2]), declared, guid, fromOther, bytes);
    }

    private static Expect expect(String spec) {
        String[] w = spec.split("\\s+");
        return switch (w[0]) {
            case "drop", "closed" -> new Expect(w[0], 0, w[1]);
            case "served" -> new Expect(w[0], 0, null);
            case "bye", "refused" -> new Expect(w[0], Integer.parseInt(w[1]), w[2]);
            case "http" -> new Expect(w[0], Integer.parseInt(w[1]), null);
            default -> throw new IllegalArgumentException("unknown outcome: " + spec);
        };
    }
}
