package dev.shoal.protocol;

import static dev.shoal.JsonTree.bool;
import static dev.shoal.JsonTree.list;
import static dev.shoal.JsonTree.num;
import static dev.shoal.JsonTree.obj;
import static dev.shoal.JsonTree.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.JsonTree;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message captured from gtk-gnutella 1.2.3 decodes to what the independent Python decoder
 * wrote into expected.json, and encodes back to the captured bytes.
 */
class GoldenVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The shared folder of the capture (README): file name → urn:sha1. */
    private static final Map<String, String> SHARED = Map.of(
            "café menu 2025.txt", "UZXG4CXHWECVXZJL4ZUKKGM7RLIRHPP3",
            "Le Grand Café (draft).txt", "V6OQD4WV3775TSUWN34YFEZ5ABKUGV5L",
            "Café Récif – été.txt", "CFK2HXD47ZMQXT2DYXHY2UWJYNIGFSMO",
            "big-sample-clip.avi", "Z2POE3662LO4GOSODWTYQMCFKVKC4JYD",
            "ubuntu-linux-guide.txt", "5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ",
            "notes.café.v1.2.txt", "R27MQO5UQOZX7RJTOWTUJTEQ6XF2ZQNS");
    private static Object expected;

    @BeforeAll
    static void readExpected() throws IOException {
        expected = JsonTree.parse(Files.readString(GtkgCaptures.folder().resolve("expected.json")));
    }

    static Stream<String> messageFiles() throws IOException {
        try (Stream<Path> files = Files.list(GtkgCaptures.folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin"))
                    .filter(n -> !n.startsWith("deflate-stream")).sorted().toList().stream();
        }
    }

    @Test
    void everyMessageFileHasAnExpectation() throws IOException {
        assertThat(messageFiles().toList()).hasSize(22)
                .containsExactlyInAnyOrderElementsOf(obj(expected, "messages").keySet());
    }

    @ParameterizedTest
    @MethodSource("messageFiles")
    void decodesAsExpectedAndReencodesIdentically(String file) throws Exception {
        byte[] bytes = GtkgCaptures.read(file);
        Object exp = obj(expected, "messages").get(file);
        Frame frame = readFrame(ByteBuffer.wrap(bytes));
        checkHeader(frame.header(), obj(exp, "header"));

        Payload payload = MessageCodec.decode(frame);
        if (payload instanceof Ping p) {
            checkGgep(p.ggep(), list(obj(exp, "ping"), "ggep"));
        } else if (payload instanceof Pong p) {
            checkPong(p, obj(exp, "pong"));
        } else if (payload instanceof Push p) {
            checkPush(p, obj(exp, "push"));
        } else if (payload instanceof Bye b) {
            checkBye(b, obj(exp, "bye"));
        } else if (payload instanceof QrpReset q) {
            checkReset(q, obj(exp, "qrp"));
        } else if (payload instanceof QrpPatch q) {
            checkPatch(q, obj(exp, "qrp"));
        } else if (payload instanceof VendorMessage v) {
            checkVendor(v, obj(exp, "vendor"));
        } else if (payload instanceof Query q) {
            checkQuery(q, obj(exp, "query"));
        } else if (payload instanceof QueryHit h) {
            checkHit(h, obj(exp, "queryhit"));
        } else {
            throw new AssertionError("unexpected payload " + payload);
        }

        Frame again = MessageCodec.frame(frame.header().guid(), frame.header().ttl(), frame.header().hops(), payload);
        assertThat(HEX.formatHex(again.toBytes())).as(file).isEqualTo(HEX.formatHex(bytes));
    }

    @Test
    void deflateStreamInflatesToTheCapturedPlainStream() throws Exception {
        byte[] compressed = GtkgCaptures.read("deflate-stream-from-gtkg.bin");
        byte[] plain = GtkgCaptures.read("deflate-stream-from-gtkg.inflated.bin");
        Map<String, Object> exp = obj(expected, "deflate_stream");
        assertThat(HEX.formatHex(compressed, 0, 2)).isEqualTo(str(exp, "zlib_header_hex"));
        assertThat(compressed).hasSize((int) num(exp, "compressed_length"));

        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        byte[] out = new byte[plain.length + 100];
        int n = 0;
        while (!inflater.needsInput() && !inflater.finished()) {
            n += inflater.inflate(out, n, out.length - n);
        }
        inflater.end();
        // The peer closed the socket without Z_FINISH: all bytes come out, but no stream end.
        assertThat(inflater.finished()).isFalse();
        assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(plain);
    }

    @Test
    void inflatedDeflateStreamIsASequenceOfMessages() throws Exception {
        byte[] plain = GtkgCaptures.read("deflate-stream-from-gtkg.inflated.bin");
        Map<String, Object> exp = obj(expected, "deflate_stream");
        assertThat(plain).hasSize((int) num(exp, "inflated_length"));
        List<Frame> frames = readAll(plain);
        List<Object> headers = list(exp, "messages_in_inflated_stream");
        assertThat(frames).hasSize(headers.size());
        for (int i = 0; i < frames.size(); i++) {
            checkHeader(frames.get(i).header(), headers.get(i));
            Payload p = MessageCodec.decode(frames.get(i));
            assertThat(p).isNotInstanceOf(UnknownPayload.class);
            assertThat(p.encode()).isEqualTo(frames.get(i).payload());
        }
        assertThat(MessageCodec.decode(frames.get(frames.size() - 1))).isEqualTo(new Bye(200, "Servent shutdown"));
    }

    @Test
    void browseHostBodyIsOneHitWithAllSharedFiles() throws Exception {
        byte[] body = GtkgCaptures.read("browse-host-body-dechunked.stream");
        Map<String, Object> exp = obj(expected, "browse_host_stream");
        assertThat(body).hasSize((int) num(exp, "length"));
        List<Frame> frames = readAll(body);
        List<Object> messages = list(exp, "messages");
        assertThat(frames).hasSize(messages.size());
        for (int i = 0; i < frames.size(); i++) {
            checkHeader(frames.get(i).header(), obj(messages.get(i), "header"));
            QueryHit hit = (QueryHit) MessageCodec.decode(frames.get(i));
            assertThat(hit.results()).hasSize((int) num(messages.get(i), "count"));
            assertThat(hit.results()).extracting(QueryHit.Result::name).containsExactlyElementsOf(
                    list(messages.get(i), "names").stream().map(String.class::cast).toList());
            assertThat(hit.browseHost()).isTrue();
            assertThat(hit.flags().busy()).isTrue();
            assertThat(hit.flags().uploaded()).isTrue();
        }
        assertThat(frames.get(0).toBytes()).isEqualTo(GtkgCaptures.read("queryhit-browse-host.bin"));
    }

    private static List<Frame> readAll(byte[] stream) throws FramingException {
        ByteBuffer b = ByteBuffer.wrap(stream);
        List<Frame> frames = new ArrayList<>();
        while (b.hasRemaining()) {
            frames.add(readFrame(b));
        }
        return frames;
    }

    private static Frame readFrame(ByteBuffer b) throws FramingException {
        Header h = Header.read(b, 65_535);
        byte[] payload = new byte[h.payloadLength()];
        b.get(payload);
        return new Frame(h, payload);
    }

    private static void checkHeader(Header h, Object exp) {
        assertThat(h.guid().toHex()).isEqualTo(str(exp, "guid"));
        assertThat(String.format("0x%02x", h.type())).isEqualTo(str(exp, "type"));
        assertThat(h.ttl()).isEqualTo(num(exp, "ttl"));
        assertThat(h.hops()).isEqualTo(num(exp, "hops"));
        assertThat(h.payloadLength()).isEqualTo(num(exp, "length"));
    }

    private static void checkGgep(Ggep g, List<Object> exp) {
        assertThat(g.extensions()).hasSize(exp.size());
        for (int i = 0; i < exp.size(); i++) {
            GgepExtension e = g.extensions().get(i);
            Object x = exp.get(i);
            assertThat(e.id()).isEqualTo(str(x, "id"));
            assertThat(String.format("0x%02x", e.flagsByte(i == exp.size() - 1))).isEqualTo(str(x, "flags"));
            assertThat(HEX.formatHex(e.wireData())).isEqualTo(str(x, "raw_hex"));
            String decoded = str(x, "decoded_hex");
            assertThat(HEX.formatHex(e.value())).isEqualTo(decoded != null ? decoded : str(x, "raw_hex"));
        }
    }

    private static void checkAddress(InetSocketAddress a, Object exp) {
        assertThat(a.getAddress().getHostAddress()).isEqualTo(str(exp, "ip"));
        assertThat(a.getPort()).isEqualTo(num(exp, "port"));
    }

    private static void checkPong(Pong p, Object exp) {
        checkAddress(p.address(), exp);
        assertThat(p.filesShared()).isEqualTo(num(exp, "files"));
        assertThat(p.kilobytesShared()).isEqualTo(num(exp, "kbytes"));
        checkGgep(p.ggep(), list(exp, "ggep"));
    }

    private static void checkPush(Push p, Object exp) {
        assertThat(p.serventId().toHex()).isEqualTo(str(exp, "servent_id"));
        assertThat(p.fileIndex()).isEqualTo(num(exp, "file_index"));
        checkAddress(p.address(), exp);
        checkGgep(p.ggep(), list(exp, "ggep"));
    }

    private static void checkBye(Bye b, Object exp) {
        assertThat(b.code()).isEqualTo(num(exp, "code"));
        assertThat(b.reason()).isEqualTo(str(exp, "text"));
    }

    private static void checkReset(QrpReset q, Object exp) {
        assertThat(num(exp, "variant")).isZero();
        assertThat(q.tableLength()).isEqualTo(num(exp, "table_length"));
        assertThat(q.infinity()).isEqualTo(num(exp, "infinity"));
    }

    private static void checkPatch(QrpPatch q, Object exp) throws Exception {
        assertThat(num(exp, "variant")).isEqualTo(1);
        assertThat(q.sequenceNumber()).isEqualTo(num(exp, "seq_no"));
        assertThat(q.sequenceSize()).isEqualTo(num(exp, "seq_size"));
        assertThat(q.compressor()).isEqualTo(num(exp, "compressor"));
        assertThat(q.entryBits()).isEqualTo(num(exp, "entry_bits"));
        assertThat(q.data()).hasSize((int) num(exp, "data_len"));
        Inflater inflater = new Inflater();
        inflater.setInput(q.data());
        byte[] table = new byte[(int) num(exp, "inflated_len")];
        assertThat(inflater.inflate(table)).isEqualTo(table.length);
        assertThat(inflater.finished()).isTrue();
        inflater.end();
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(table)))
                .isEqualTo(str(exp, "inflated_sha1"));
    }

    private static void checkVendor(VendorMessage v, Object exp) {
        assertThat(HEX.formatHex(v.vendor().getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(str(exp, "vendor_hex"));
        assertThat(v.selector()).isEqualTo(num(exp, "selector"));
        assertThat(v.version()).isEqualTo(num(exp, "version"));
        assertThat(HEX.formatHex(v.body())).isEqualTo(str(exp, "payload_hex"));
    }

    private static void checkQuery(Query q, Object exp) {
        assertThat(String.format("0x%04x", q.flags())).isEqualTo(str(exp, "flags_word_be"));
        assertThat(q.text()).isEqualTo(str(exp, "search_text"));
        checkExtensions(q.urns(), q.otherExtensions(), q.ggep(), list(exp, "extensions"));
        if (q.text().equals(Query.HASH_TEXT)) {
            assertThat(q.isHashQuery()).isTrue();
            assertThat(q.keywords()).isEmpty();
        } else {
            assertThat(q.keywords()).containsExactly(q.text());
        }
    }

    private static void checkExtensions(List<Urn> urns, List<String> others, Ggep ggep, List<Object> exp) {
        List<String> texts = new ArrayList<>();
        Ggep expectedGgep = null;
        for (Object x : exp) {
            if (str(x, "text") != null) {
                texts.add(str(x, "text"));
            } else {
                checkGgep(ggep, list(x, "ggep"));
                expectedGgep = ggep;
            }
        }
        List<String> ours = new ArrayList<>(urns.stream().map(Urn::toString).toList());
        ours.addAll(others);
        assertThat(ours).containsAll(texts);
        if (expectedGgep == null) {
            assertThat(ggep.isEmpty()).isTrue();
        }
    }

    private static void checkHit(QueryHit h, Object exp) {
        assertThat(h.results()).hasSize((int) num(exp, "count"));
        checkAddress(h.address(), exp);
        assertThat(h.speed()).isEqualTo(num(exp, "speed"));
        assertThat(h.serventId().toHex()).isEqualTo(str(exp, "servent_id"));
        assertThat(h.vendor()).isEqualTo(str(exp, "vendor"));
        assertThat(num(exp, "open_data_size")).isEqualTo(2);
        assertThat(String.format("%02x%02x", h.flags().byteA(), h.flags().byteB())).isEqualTo(str(exp, "open_data_hex"));
        Object f = obj(exp, "flags_decoded");
        assertThat(h.flags().push()).isEqualTo(bool(f, "push"));
        assertThat(h.flags().busy()).isEqualTo(bool(f, "busy"));
        assertThat(h.flags().uploaded()).isEqualTo(bool(f, "has_uploaded"));
        assertThat(h.flags().speedMeasured()).isEqualTo(bool(f, "speed_measured"));
        assertThat(h.flags().ggep()).isEqualTo(bool(f, "ggep_present"));
        List<Object> privateGgep = list(exp, "private_ggep");
        checkGgep(h.trailerGgep(), privateGgep == null ? List.of() : privateGgep);
        assertThat(h.privateData()).isEmpty();
        assertThat(h.xmlData()).isNull();
        List<Object> results = list(exp, "results");
        for (int i = 0; i < results.size(); i++) {
            QueryHit.Result r = h.results().get(i);
            Object x = results.get(i);
            assertThat(r.index()).isEqualTo(num(x, "index"));
            assertThat(r.size()).isEqualTo(num(x, "size"));
            assertThat(r.name()).isEqualTo(str(x, "name"));
            assertThat(HEX.formatHex(r.name().getBytes(StandardCharsets.UTF_8))).isEqualTo(str(x, "name_hex"));
            checkExtensions(r.urns(), r.otherExtensions(), r.ggep(), list(x, "extensions"));
            // Whether it came as a string or as GGEP H, the URN is the file's known SHA-1.
            String known = SHARED.get(r.name());
            if (known != null) {
                assertThat(r.urns()).containsExactly(Urn.parse("urn:sha1:" + known));
            } else {
                assertThat(r.urns()).hasSize(1);
            }
        }
    }
}
